"""The 核对页 in a real browser: Debian's chromium, headless, driven through chromedriver (selenium).

The page comes from a real run (seeds, a report with characters beyond U+FFFF, a hostile report under a
hostile file name). .ci/run installs chromium and chromium-driver and sets REPORTER_REQUIRE_BROWSER=1, so
in CI these tests fail rather than skip when the browser is missing.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from reporter.jobs.pipeline import Options, run
from reporter.jobs.workers import WorkerPool
from tests.support.browser import chromium, find_chromium
from tests.support.review_docs import HOSTILE_NAME, LONG_NAME, carried, page_json, write_inbox

pytestmark = pytest.mark.slow  # a real Chromium

_browser, _driver = find_chromium()
if _browser is None or _driver is None:
    if os.environ.get("REPORTER_REQUIRE_BROWSER"):
        raise RuntimeError("chromium 和 chromedriver 未安装：apt-get install -y chromium chromium-driver")
    pytest.skip("chromium / chromedriver not installed", allow_module_level=True)

PAGE = "核对.html"


@pytest.fixture(scope="module")
def out(tmp_path_factory, seeds_dir, schema) -> Path:
    base = tmp_path_factory.mktemp("review-browser")
    inbox = write_inbox(base / "收件 箱", seeds_dir)
    target = base / "输出 文件夹"
    with WorkerPool(schema, Options(jobs=1)) as pool:
        result = run([inbox], target, schema=schema, pool=pool)
    assert result.ok and result.review == target / PAGE
    return target


@pytest.fixture(scope="module")
def data(out) -> dict:
    return page_json(out / PAGE)


@pytest.fixture(scope="module")
def browser():
    with chromium() as driver:
        yield driver


@pytest.fixture
def page(browser, out):
    browser.get((out / PAGE).as_uri())
    wait_for(browser, "return document.documentElement.getAttribute('data-ready') === '1'")
    browser.get_log("browser")  # start each test with an empty console log
    return browser


def wait_for(driver, script: str, timeout: float = 10.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = driver.execute_script(script)
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for: {script}")


def select_report(driver, data: dict, name: str) -> dict:
    index = next(i for i, r in enumerate(data["reports"]) if r["file"] == name)
    driver.find_element("id", f"r{index}").click()
    assert driver.find_element("css selector", "#list li.sel").get_attribute("id") == f"r{index}"
    return data["reports"][index]


def source_text(report: dict, s: int, e: int) -> str | None:
    """What the page should mark: the report's text between UTF-16 offsets s and e."""
    return carried(report, s, e)


def click_value(driver, key: str, j: int = 0):
    button = driver.find_element("css selector", f'#fields .val[data-key="{key}"][data-j="{j}"]')
    button.click()
    return button


def test_the_page_lists_every_report_of_the_ledger_newest_first(page, data):
    rows = page.find_elements("css selector", "#list li")
    assert len(rows) == len(data["reports"]) >= 4
    seqs = [int(r.find_element("css selector", ".seq").text) for r in rows]
    assert seqs == sorted(seqs, reverse=True) == [r["n"] for r in data["reports"]]
    assert page.find_element("css selector", "#list li.sel").get_attribute("id") == "r0"
    assert page.title == "台账核对"
    assert "共 " in page.find_element("id", "stats").text


def test_a_ledger_number_in_the_address_selects_that_report(browser, out, data):
    target = data["reports"][-1]
    browser.get("about:blank")
    browser.get((out / PAGE).as_uri() + f"#{target['n']}")
    wait_for(browser, "return document.documentElement.getAttribute('data-ready') === '1'")
    assert (
        browser.find_element("css selector", "#list li.sel").get_attribute("id")
        == f"r{len(data['reports']) - 1}"
    )
    assert browser.find_element("css selector", "#head .meta b").text == str(target["n"])
    second = data["reports"][1]
    browser.execute_script(f"location.hash = '#序号{second['n']}'")
    wait_for(browser, "return document.querySelector('#list li.sel').id === 'r1'")


def test_clicking_a_value_marks_it_in_the_reports_text(page, data):
    report = select_report(page, data, "work-update.txt")
    (value, s, e, s0, s1, rule) = report["f"]["host"][0]
    button = click_value(page, "host")
    assert "on" in button.get_attribute("class")
    marks = page.find_elements("css selector", "#text mark")
    assert len(marks) == 1 and marks[0].text == source_text(report, s, e) == value
    sentence = "".join(
        x.get_attribute("textContent") for x in page.find_elements("css selector", "#text .sent, #text mark")
    )
    assert sentence == source_text(report, s0, s1)
    assert rule in page.find_element("id", "evid").text
    # the mark is scrolled into view inside the text pane
    inside = page.execute_script(
        "var m = document.querySelector('#text mark').getBoundingClientRect(),"
        " t = document.getElementById('text').getBoundingClientRect();"
        "return m.top >= t.top && m.bottom <= t.bottom;"
    )
    assert inside


def test_every_value_of_a_report_finds_its_mark(page, data):
    report = select_report(page, data, "notice.docx")
    checked = 0
    for key, items in report["f"].items():
        for j, (_v, s, e, *_rest) in enumerate(items):
            if e <= s:
                continue
            click_value(page, key, j)
            text = "".join(
                m.get_attribute("textContent") for m in page.find_elements("css selector", "#text mark")
            )
            assert text == source_text(report, s, e), (key, j)
            checked += 1
    assert checked >= 8


def test_characters_beyond_the_bmp_do_not_shift_the_marks(page, data):
    report = select_report(page, data, "生僻字与表情.txt")
    for key in ("location", "metrics", "date"):
        for j, (_v, s, e, *_rest) in enumerate(report["f"][key]):
            click_value(page, key, j)
            mark = page.find_element("css selector", "#text mark").get_attribute("textContent")
            assert mark == source_text(report, s, e)
    click_value(page, "location")
    assert page.find_element("css selector", "#text mark").text == "县政府三楼会议室"


def test_a_long_report_shows_the_text_around_its_values(page, data):
    report = select_report(page, data, LONG_NAME)
    assert report["cut"]
    gaps = page.find_elements("css selector", "#text .gap")
    assert gaps and "省略" in gaps[0].text
    click_value(page, "host")
    assert page.find_element("css selector", "#text mark").text == "张三"
    shaded = "".join(
        x.get_attribute("textContent") for x in page.find_elements("css selector", "#text .sent, #text mark")
    )
    assert "会议由县委副书记张三主持" in shaded


def test_review_values_come_first_with_their_reason(page, data):
    report = next(r for r in data["reports"] if r["review"])
    select_report(page, data, report["file"])
    boxes = page.find_elements("css selector", "#fields .field")
    flagged = {k for k, _ in report["review"]}
    assert all("todo" in b.get_attribute("class") for b in boxes[: len(flagged)])
    assert not any("todo" in b.get_attribute("class") for b in boxes[len(flagged) :])
    assert report["review"][0][1] in boxes[0].find_element("css selector", ".why").text


def test_a_hostile_report_shows_its_characters_and_runs_nothing(page, data):
    report = select_report(page, data, HOSTILE_NAME)
    text = page.find_element("id", "text").get_attribute("textContent")
    assert "<script>document.title='pwned'" in text and "<img src=x onerror=" in text
    head = page.find_element("id", "head").text
    assert HOSTILE_NAME in head
    for key in report["f"]:
        click_value(page, key)
    assert page.execute_script("return window.__pwned === undefined")
    assert page.title == "台账核对"
    assert page.find_elements("css selector", "img") == []
    assert len(page.find_elements("css selector", "script")) == 2  # the page's own data and script
    link = page.find_element("css selector", "#head a.src")
    assert link.get_attribute("href") == report["url"] and report["url"].startswith("file:///")
    assert "%3Cimg%20src%3Dx" in report["url"]
    with pytest.raises(Exception, match="no such alert"):
        page.switch_to.alert.text  # noqa: B018


def test_the_page_loads_nothing_and_its_policy_blocks_loading(page):
    assert page.execute_script("return performance.getEntriesByType('resource').length") == 0
    problems = [e for e in page.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    assert problems == []
    # the Content-Security-Policy is in force: an image the page did not ask for is refused
    blocked = page.execute_async_script(
        "var done = arguments[0];"
        "document.addEventListener('securitypolicyviolation', function (e) { done(e.violatedDirective); });"
        "var img = document.createElement('img'); img.src = 'https://example.invalid/x.png';"
        "document.body.appendChild(img);"
        "setTimeout(function () { done('no violation'); }, 3000);"
    )
    assert blocked.startswith("img-src")


def test_arrow_keys_move_between_reports(page, data):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    page.find_element("id", "list").click()
    select_report(page, data, data["reports"][0]["file"])
    ActionChains(page).send_keys(Keys.ARROW_DOWN).perform()
    assert page.find_element("css selector", "#list li.sel").get_attribute("id") == "r1"
    assert page.find_element("css selector", "#head h2").text == (
        data["reports"][1]["title"] or data["reports"][1]["file"]
    )
    ActionChains(page).send_keys(Keys.ARROW_DOWN, Keys.ARROW_UP, Keys.ARROW_UP).perform()
    assert page.find_element("css selector", "#list li.sel").get_attribute("id") == "r0"


def test_filters_and_search(page, data):
    only = page.find_element("id", "only")
    only.click()
    shown = [li for li in page.find_elements("css selector", "#list li") if li.is_displayed()]
    assert len(shown) == sum(1 for r in data["reports"] if r["review"])
    only.click()
    search = page.find_element("id", "q")
    search.send_keys("三楼会议室")
    wait_for(page, "return document.getElementById('count').textContent.indexOf('显示 1 /') === 0")
    assert page.find_element("css selector", "#list li.sel .ttl").text.startswith("𠮷山县")
    search.clear()
    search.send_keys("没有这样的文字")
    wait_for(page, "return document.getElementById('count').textContent.indexOf('显示 0 /') === 0")
    assert "没有符合条件" in page.find_element("id", "evid").text
    search.clear()
    from selenium.webdriver.support.ui import Select

    month = Select(page.find_element("id", "month"))
    month.select_by_value("2019-01")
    shown = [li for li in page.find_elements("css selector", "#list li") if li.is_displayed()]
    assert len(shown) == sum(1 for r in data["reports"] if r["month"] == "2019-01") >= 1
    unit = Select(page.find_element("id", "unit"))
    unit.select_by_value(data["reports"][0]["org"])
    assert all(
        r["org"] == data["reports"][0]["org"] for r in data["reports"] if r["month"] == "2019-01"
    ) or not [li for li in page.find_elements("css selector", "#list li") if li.is_displayed()]


def test_the_page_fits_a_1366_by_768_screen(page):
    widths = page.execute_script(
        "return [document.documentElement.scrollWidth, window.innerWidth,"
        " document.documentElement.scrollHeight, window.innerHeight]"
    )
    assert widths[0] <= widths[1] and widths[2] <= widths[3]  # nothing overflows: the panes scroll inside
    size = page.execute_script(
        "return parseFloat(getComputedStyle(document.getElementById('text')).fontSize)"
    )
    assert size >= 14
