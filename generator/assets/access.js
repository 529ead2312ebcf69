/* Keyboard use of the theme's header buttons. mkdocs-material draws the menu and search
   buttons as labels of hidden checkboxes, which a mouse can press but a keyboard cannot reach.
   This makes each a real button for keyboards and screen readers: it takes focus, says what it
   does and whether its panel is open, and opens with Enter or Space. When the menu opens, focus
   moves into it; Escape closes it and returns focus to the button. */
(function () {
  "use strict";
  var names = { __drawer: "Menu", __search: "Search" };

  function makeButton(label, toggle) {
    label.setAttribute("tabindex", "0");
    label.setAttribute("role", "button");
    if (!label.hasAttribute("aria-label")) {
      label.setAttribute("aria-label", names[toggle.id]);
    }
    label.setAttribute("aria-expanded", String(toggle.checked));
    label.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        // The theme also clicks a focused label on Enter: one click, not two.
        event.preventDefault();
        event.stopPropagation();
        label.click();
      }
    });
    toggle.addEventListener("change", function () {
      label.setAttribute("aria-expanded", String(toggle.checked));
    });
  }

  function followDrawer(button, drawer) {
    var sidebar = document.querySelector(".md-sidebar--primary");
    if (!sidebar) return;
    drawer.addEventListener("change", function () {
      if (!drawer.checked) return;
      var first = sidebar.querySelector("a[href], label[tabindex], [tabindex='0']");
      // The drawer becomes visible at once; its slide-in does not delay focus.
      if (first) window.setTimeout(function () { first.focus(); }, 0);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) {
        drawer.checked = false;
        drawer.dispatchEvent(new Event("change"));
        button.focus();
      }
    });
  }

  Object.keys(names).forEach(function (id) {
    var toggle = document.getElementById(id);
    var label = document.querySelector(".md-header label.md-header__button[for='" + id + "']");
    if (!toggle || !label) return;
    makeButton(label, toggle);
    if (id === "__drawer") followDrawer(label, toggle);
  });

  // The search results area takes focus only to scroll, and closes as the search field loses
  // focus: a Tab stop there shows nothing. The arrow keys move through the results instead.
  var results = document.querySelector(".md-search__scrollwrap[tabindex='0']");
  if (results) results.setAttribute("tabindex", "-1");
})();
