"""The keyboard: a skip link, focus always visible, every control reachable, the menu and search."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import Reader
from .history import NPP

ARCHIVED = f"{NPP}/2024-01-01/"

MARK_CONTROLS = """() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary,'
    + ' [tabindex]:not([tabindex="-1"]), label.md-header__button';
  const shown = (element) => {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    for (let e = element; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.visibility !== 'visible' || style.display === 'none' || style.opacity === '0') {
        return false;
      }
    }
    return box.right > 0 && box.left < document.documentElement.clientWidth;
  };
  const names = [];
  document.querySelectorAll(selector).forEach((element, index) => {
    // The theme's palette switch is a hidden radio button, drawn by the label after it: the
    // radio takes the focus, the label shows it.
    const before = element.previousElementSibling;
    const control = element.tagName === 'LABEL' && before && before.matches('input.md-option')
      ? before : element;
    control.dataset.control = control.dataset.control || String(index);
    if (shown(element)) names.push(control.dataset.control);
  });
  return [...new Set(names)];
}"""

FOCUSED = """async () => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  // The palette's radio button is drawn by the label after it, which shows its focus.
  const drawn = element.matches('input.md-option') ? element.nextElementSibling : element;
  const look = () => {
    const box = drawn.getBoundingClientRect();
    const style = getComputedStyle(drawn);
    let opacity = 1;
    for (let e = drawn; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
    return {
      onScreen: box.width > 0 && box.height > 0 && opacity > 0 && style.visibility === 'visible'
        && box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
      ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1
        || style.boxShadow !== 'none',
    };
  };
  // As a reader sees it once it has settled: the theme opens some panels (the phone's search)
  // a moment after their field takes focus, then slides them in.
  let seen = look();
  for (let frame = 0; frame < 30 && !seen.onScreen; frame++) {
    await new Promise((done) => requestAnimationFrame(done));
    await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null)));
    seen = look();
  }
  await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null)));
  seen = look();
  return {
    control: element.dataset.control || null,
    text: (element.getAttribute('aria-label') || element.textContent || '').trim().slice(0, 40),
    ...seen,
  };
}"""


def tab_through(reader: Reader, limit: int = 150) -> list[dict[str, Any]]:
    """Press Tab until focus leaves the page or comes round again; what each press focused."""
    stops: list[dict[str, Any]] = []
    for _ in range(limit):
        reader.page.keyboard.press("Tab")
        stop = reader.page.evaluate(FOCUSED)
        if stop is None or (stops and stop["control"] == stops[0]["control"]):
            return stops
        stops.append(stop)
    raise AssertionError(f"focus never left the page after {limit} presses of Tab")


def test_the_skip_link_comes_first_and_lands_before_the_status_banner(reader: Reader) -> None:
    page = reader.open(ARCHIVED)
    page.keyboard.press("Tab")
    skip = page.evaluate(FOCUSED)
    assert skip["text"] == "Skip to content"
    assert skip["onScreen"] and skip["ring"]
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#__content"
    page.keyboard.press("Tab")
    # The next stop is the banner's first link, the version that replaced this one.
    assert page.evaluate(FOCUSED)["text"] == "January 1, 2025"
    assert page.evaluate("document.activeElement.closest('.notice-banner') !== null")


@pytest.mark.parametrize("path", ["", ARCHIVED], ids=["home", "version"])
def test_every_control_is_reached_by_tab_and_shows_its_focus(reader: Reader, path: str) -> None:
    reader.open(path)
    controls = reader.page.evaluate(MARK_CONTROLS)
    stops = tab_through(reader)
    assert [s for s in stops if not s["onScreen"]] == [], "focus went where it cannot be seen"
    assert [s for s in stops if not s["ring"]] == [], "focus is not shown"
    reached = {stop["control"] for stop in stops}
    missed = reader.page.evaluate(
        "(names) => names.map((n) => document.querySelector(`[data-control='${n}']`).outerHTML"
        ".slice(0, 120))",
        [name for name in controls if name not in reached],
    )
    assert missed == []


def test_the_phone_menu_opens_and_closes_from_the_keyboard(phone_reader: Reader) -> None:
    page = phone_reader.open(ARCHIVED)
    menu = page.get_by_role("button", name="Menu")
    assert menu.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED)["text"] == "Menu"
    page.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true"
    phone_reader.settle()
    inside = page.evaluate(FOCUSED)
    assert inside["onScreen"] and inside["ring"]
    assert page.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null")
    stops = [page.evaluate(FOCUSED) for _ in range(3) if not page.keyboard.press("Tab")]
    assert all(stop["onScreen"] for stop in stops), stops
    page.keyboard.press("Escape")
    assert menu.get_attribute("aria-expanded") == "false"
    assert page.evaluate(FOCUSED)["text"] == "Menu"
    phone_reader.settle()
    assert page.locator(".md-sidebar--primary").evaluate("e => getComputedStyle(e).visibility") == (
        "hidden"
    )


def test_search_from_the_keyboard(reader: Reader) -> None:
    page = reader.open(ARCHIVED, idle=True)
    stops = [page.evaluate(FOCUSED)["text"] for _ in range(6) if not page.keyboard.press("Tab")]
    assert "Search" in stops
    while page.evaluate(FOCUSED)["text"] != "Search":
        page.keyboard.press("Shift+Tab")
    if page.evaluate("document.activeElement.tagName") == "LABEL":  # the phone's search button
        page.keyboard.press("Enter")
        page.locator(".md-search__input").wait_for()
        page.wait_for_function("() => document.activeElement.matches('.md-search__input')")
    page.keyboard.type("specialist")
    page.locator(".md-search-result__item").first.wait_for()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{NPP}/*")
    assert page.locator("h1").first.inner_text() == "Notice of Privacy Practices"
    assert reader.csp_violations() == []


def test_the_colour_scheme_switches_from_the_keyboard(desktop_reader: Reader) -> None:
    page = desktop_reader.open(ARCHIVED)
    while page.evaluate(FOCUSED) is None or page.evaluate(FOCUSED)["text"] != "Switch to dark mode":
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
