/* Redline pages: keys and buttons to move between changes, and the form that picks two
   versions to compare. This file is the only script these pages add: no inline script, no
   inline event handlers, so a Content-Security-Policy of "script-src 'self'" holds. Without
   it, the pages still work: the buttons are links, the form opens the list of comparisons. */
(function () {
  "use strict";

  var KEYS = { n: 1, j: 1, p: -1, k: -1 };

  function isTyping(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(target.tagName));
  }

  function setUpChanges(root) {
    var stops = Array.prototype.slice.call(root.querySelectorAll(".redline-document [id^='change-']"));
    var toolbar = root.querySelector("[data-redline-toolbar]");
    if (!stops.length || !toolbar) return;
    var where = toolbar.querySelector("[data-redline-where]");
    var links = toolbar.querySelectorAll("[data-redline-step]");
    var current = -1;

    function inView(element) {
      var box = element.getBoundingClientRect();
      return box.bottom > 0 && box.top < window.innerHeight;
    }

    function fromViewport(step) {
      var line = toolbar.getBoundingClientRect().bottom + 8;
      if (step > 0) {
        for (var i = 0; i < stops.length; i++) {
          if (stops[i].getBoundingClientRect().top > line) return i;
        }
        return stops.length - 1;
      }
      for (var k = stops.length - 1; k >= 0; k--) {
        if (stops[k].getBoundingClientRect().top < line - 16) return k;
      }
      return 0;
    }

    function show(index) {
      if (current >= 0) stops[current].classList.remove("redline-current");
      current = Math.max(0, Math.min(stops.length - 1, index));
      var stop = stops[current];
      stop.classList.add("redline-current");
      stop.scrollIntoView({ block: "center" });
      stop.focus({ preventScroll: true });
      if (window.history && history.replaceState) history.replaceState(null, "", "#" + stop.id);
      where.textContent = "Change " + (current + 1) + " of " + stops.length;
      links[0].href = "#" + stops[Math.max(0, current - 1)].id;
      links[1].href = "#" + stops[Math.min(stops.length - 1, current + 1)].id;
    }

    function go(step) {
      if (current >= 0 && inView(stops[current])) show(current + step);
      else show(fromViewport(step));
    }

    Array.prototype.forEach.call(links, function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        go(Number(link.getAttribute("data-redline-step")));
      });
    });
    // Capture, and stop the event: the theme uses N and P for its own next and previous page.
    window.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      var step = KEYS[(event.key || "").toLowerCase()];
      if (!step) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      go(step);
    }, true);
    var keys = toolbar.querySelector("[data-redline-keys]");
    if (keys) keys.hidden = false;
    for (var i = 0; i < stops.length; i++) {
      if ("#" + stops[i].id === window.location.hash) show(i);
    }
  }

  function pairAddress(form, from, to) {
    var pair = from < to ? [from, to] : [to, from];
    return new URL(pair[0] + "-to-" + pair[1] + "/", form.action).href;
  }

  function setUpForm(form) {
    var error = form.querySelector("[data-redline-error]");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var from = form.elements.from.value;
      var to = form.elements.to.value;
      if (from === to) {
        error.textContent = "Pick two different versions to compare.";
        error.hidden = false;
        return;
      }
      window.location.href = pairAddress(form, from, to);
    });
  }

  // The list of comparisons, opened by the form without script: go on to the chosen pair,
  // if the list holds it (so the page never sends a reader to an address it does not know).
  function followChosenPair() {
    var query = new URLSearchParams(window.location.search);
    var from = query.get("from");
    var to = query.get("to");
    if (!from || !to) return;
    var pair = from < to ? from + "/" + to : to + "/" + from;
    var links = document.querySelectorAll("[data-redline-pair]");
    for (var i = 0; i < links.length; i++) {
      if (links[i].getAttribute("data-redline-pair") === pair) {
        window.location.replace(links[i].href);
        return;
      }
    }
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-redline]"), setUpChanges);
    Array.prototype.forEach.call(document.querySelectorAll("[data-redline-compare]"), setUpForm);
    followChosenPair();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
