"""Work found again after a refresh (a new Streamlit session on the same URL), in AppTest."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.app.apptest import ask_at, open_page, refresh


def test_chat_history_is_found_again_by_the_session_id_in_the_url(app: AppTest) -> None:
    ask_at(app, "科技特派员")
    again = refresh(app)
    assert [c.markdown[0].value for c in again.chat_message if c.name == "user"] == ["科技特派员"]


def test_search_and_its_filters_are_found_again_after_arefresh(app: AppTest) -> None:
    open_page(app, "search")
    app.selectbox(key="search_industry").select("能源产业").run()
    app.text_input(key="search_q").input("氢能").run()
    before = [m.value for m in app.markdown if "pkb-hit" in m.value]
    again = refresh(app, "search")
    assert again.text_input(key="search_q").value == "氢能"
    assert again.selectbox(key="search_industry").value == "能源产业"
    assert [m.value for m in again.markdown if "pkb-hit" in m.value] == before


def test_a_fit_report_is_found_again_after_arefresh(app: AppTest) -> None:
    open_page(app, "fit")
    app.text_area(key="fit_text").input("我们计划研发煤矿井下巡检机器人").run()
    next(b for b in app.button if b.label == "检查匹配").click().run()
    again = refresh(app, "fit")
    assert again.text_area(key="fit_text").value == "我们计划研发煤矿井下巡检机器人"
    assert again.success and "结论：符合" in again.success[0].value


def test_a_fit_draft_outlives_a_visit_to_another_page_and_an_old_result_says_so(
    app: AppTest,
) -> None:
    open_page(app, "fit")
    app.text_area(key="fit_text").input("我们计划研发煤矿井下巡检机器人").run()
    next(b for b in app.button if b.label == "检查匹配").click().run()
    assert not app.info  # the result is the text's
    app.text_area(key="fit_text").input("我们计划研发煤矿井下巡检机器人和单轨吊车").run()
    open_page(app, "search")
    open_page(app, "fit")
    assert app.text_area(key="fit_text").value == "我们计划研发煤矿井下巡检机器人和单轨吊车"
    assert [i.value for i in app.info] == [
        "下面的结果是上一次检查的描述的；点“检查匹配”按现在的描述重新检查。"
    ]
    next(b for b in app.button if b.label == "检查匹配").click().run()
    assert not app.info


def test_the_document_being_read_outlives_a_visit_to_another_page(multi_app: AppTest) -> None:
    open_page(multi_app, "browse")
    other = multi_app.selectbox(key="browse_doc").options[1]
    multi_app.selectbox(key="browse_doc").set_value(
        next(d for d in multi_app.selectbox(key="browse_doc").options if d == other)
    ).run()
    chosen = multi_app.selectbox(key="browse_doc").value
    open_page(multi_app, "search")
    multi_app.query_params.pop("doc", None)  # a page link carries no document
    open_page(multi_app, "browse")
    assert multi_app.selectbox(key="browse_doc").value == chosen
