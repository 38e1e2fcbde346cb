"""Running a Haystack pipeline's components in order, without Haystack's per-call overhead.

``Pipeline.run`` is general: it schedules components through a priority queue, checks
every socket on every step and deep-copies every input. Search pipelines are small,
acyclic and fixed, and a query's time went mostly to that machinery (7 of 9 ms on the
plan). :class:`OrderedRun` keeps the ``Pipeline`` as the one description of the graph
(its components, its type-checked connections, ``to_dict``/``dumps``) and runs it the
plain way: each component once, in topological order, its outputs handed to the inputs
they are connected to.

Example::

    run = OrderedRun(pipeline)          # pipeline: a connected haystack.Pipeline
    out = run.run({"analyze": {"query": "氢能"}}, include_outputs_from={"analyze"})
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx
from haystack import Pipeline

__all__ = ["OrderedRun", "UnsupportedPipeline"]


class UnsupportedPipeline(ValueError):
    """The pipeline has a loop or a variadic input, which only ``Pipeline.run`` handles."""


class OrderedRun:
    """Runs an acyclic pipeline without variadic inputs, each component once, in order.

    :param pipeline: the pipeline; it is warmed up here.
    :raises UnsupportedPipeline: the graph has a cycle, or an input socket is variadic.
    """

    def __init__(self, pipeline: Pipeline) -> None:
        graph = pipeline.graph
        if not nx.is_directed_acyclic_graph(graph):
            raise UnsupportedPipeline("the pipeline has a loop; run it with Pipeline.run().")
        for name, node in graph.nodes(data=True):
            variadic = [s for s, sock in node["input_sockets"].items() if sock.is_variadic]
            if variadic:
                raise UnsupportedPipeline(
                    f"{name}.{variadic[0]} is variadic; connect named inputs instead, "
                    "or run it with Pipeline.run()."
                )
        pipeline.warm_up()
        self.pipeline = pipeline
        self.order = list(nx.topological_sort(graph))
        self.instances = {name: graph.nodes[name]["instance"] for name in self.order}
        self.links = {
            name: [
                (target, d["from_socket"].name, d["to_socket"].name)
                for _, target, d in graph.out_edges(name, data=True)
            ]
            for name in self.order
        }
        self.leaves = [name for name in self.order if not self.links[name]]

    def run(
        self, data: dict[str, dict[str, Any]], include_outputs_from: Iterable[str] = ()
    ) -> dict[str, dict[str, Any]]:
        """Runs every component once; the leaves' outputs and those asked for.

        :param data: each component's own inputs, by component name.
        :param include_outputs_from: components whose outputs are returned too.
        :returns: outputs by component name, like ``Pipeline.run``.
        :raises: whatever a component raises, unchanged.
        """
        inputs = {name: dict(data.get(name, {})) for name in self.order}
        outputs: dict[str, dict[str, Any]] = {}
        for name in self.order:
            out = self.instances[name].run(**inputs[name])
            outputs[name] = out
            for target, source, socket in self.links[name]:
                inputs[target][socket] = out[source]
        wanted = set(self.leaves) | set(include_outputs_from)
        return {name: outputs[name] for name in self.order if name in wanted}
