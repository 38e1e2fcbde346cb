"""The session store behind work that survives a page load: bounded, forgetful, shared."""

from __future__ import annotations

import threading

import pytest

from ui.state import SessionStore, Work


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_same_id_finds_the_same_work() -> None:
    store = SessionStore()
    store.get("a" * 12).history.append(("q", None))
    assert store.get("a" * 12).history == [("q", None)]
    assert store.get("b" * 12) == Work()


def test_the_least_recently_used_session_goes_first_when_full() -> None:
    store = SessionStore(max_sessions=2)
    store.get("one").lang = "en"
    store.get("two")
    store.get("one")  # used again: "two" is now the oldest
    store.get("three")
    assert len(store) == 2 and "two" not in store and store.get("one").lang == "en"


def test_a_session_idle_longer_than_the_ttl_is_forgotten() -> None:
    clock = _Clock()
    store = SessionStore(ttl=60, clock=clock)
    store.get("old").lang = "en"
    clock.now = 30
    store.get("fresh")
    clock.now = 61
    assert store.get("fresh") is not None and "old" not in store
    assert store.get("old").lang == "zh"  # a new, empty work under the same id


@pytest.mark.parametrize(("size", "ttl"), [(0, 10), (5, 0), (-1, -1)])
def test_a_store_without_room_or_time_is_refused(size: int, ttl: float) -> None:
    with pytest.raises(ValueError, match="max_sessions must be"):
        SessionStore(max_sessions=size, ttl=ttl)


def test_threads_sharing_the_store_see_one_work_per_id() -> None:
    store = SessionStore(max_sessions=50)
    seen: list[Work] = []

    def use() -> None:
        for i in range(200):
            work = store.get(f"id{i % 10}")
            if i % 10 == 0:
                seen.append(work)

    threads = [threading.Thread(target=use) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(store) == 10 and len({id(w) for w in seen}) == 1
