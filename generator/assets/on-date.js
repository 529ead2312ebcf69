// Which version applied on a date: reads the periods from the table's data attributes and
// answers for the date a reader picks. Loaded as a file (no inline script), so the page
// works under a Content-Security-Policy that allows only the site's own scripts. Without
// this script the table itself answers the question.
(function () {
  "use strict";

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  var ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

  var form = document.getElementById("notice-on-date");
  var input = document.getElementById("notice-on-date-input");
  var answer = document.getElementById("notice-on-date-answer");
  var table = document.getElementById("notice-periods");
  if (!form || !input || !answer || !table) {
    return;
  }
  var rows = Array.prototype.slice.call(table.querySelectorAll("tr[data-from]"));
  var built = table.getAttribute("data-build-date");
  var withdrawn = table.getAttribute("data-withdrawn");

  function isRealDate(value) {
    if (!ISO_DATE.test(value)) {
      return false;
    }
    var parts = value.split("-").map(Number);
    var day = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
    return day.getUTCMonth() === parts[1] - 1 && day.getUTCDate() === parts[2];
  }

  // "2025-03-01" -> "March 1, 2025", as the rest of the site writes dates.
  function spell(value) {
    var parts = value.split("-").map(Number);
    return MONTHS[parts[1] - 1] + " " + parts[2] + ", " + parts[0];
  }

  function rowOn(value) {
    return rows.find(function (row) {
      var until = row.getAttribute("data-until");
      return row.getAttribute("data-from") <= value && (!until || value < until);
    });
  }

  function say(parts) {
    answer.replaceChildren();
    var paragraph = document.createElement("p");
    parts.forEach(function (part) {
      if (typeof part === "string") {
        paragraph.appendChild(document.createTextNode(part));
      } else {
        var link = document.createElement("a");
        link.href = part.href;
        link.textContent = part.text;
        paragraph.appendChild(link);
      }
    });
    answer.appendChild(paragraph);
  }

  function mark(row) {
    rows.forEach(function (other) {
      other.classList.toggle("notice-periods__row--match", other === row);
      if (other === row) {
        other.setAttribute("aria-current", "true");
      } else {
        other.removeAttribute("aria-current");
      }
    });
  }

  function laterCorrection(row, value) {
    var dates = (row.getAttribute("data-corrected") || "").split(" ").filter(Boolean);
    return dates.find(function (date) { return date > value; });
  }

  function answerFor(row, value) {
    var from = row.getAttribute("data-from");
    var link = { href: row.getAttribute("data-url"), text: "the version effective " + spell(from) };
    var parts;
    if (value > built) {
      parts = ["On " + spell(value) + ", ", link, " will apply, unless a newer version is " +
        "published before then (this page was built on " + spell(built) + ")."];
    } else {
      parts = ["On " + spell(value) + ", ", link, " applied."];
    }
    var corrected = laterCorrection(row, value);
    if (corrected) {
      parts.push(" Its text was corrected on " + spell(corrected) + ", after that date; the " +
        "version's page shows the corrected text and lists each correction.");
    }
    return parts;
  }

  function noVersion(value) {
    if (withdrawn && value >= withdrawn) {
      return ["The notice was withdrawn on " + spell(withdrawn) + "; no version of it applied on " +
        spell(value) + "."];
    }
    if (!rows.length) {
      return ["No version of this notice ever took effect."];
    }
    var first = rows[0].getAttribute("data-from");
    return ["No version of this notice had taken effect on " + spell(value) + ". The first " +
      "version took effect on " + spell(first) + "."];
  }

  function show(value) {
    if (!isRealDate(value)) {
      mark(null);
      say(["Enter a real date as YYYY-MM-DD, for example 2025-03-01."]);
      return;
    }
    var row = rowOn(value);
    mark(row || null);
    say(row ? answerFor(row, value) : noVersion(value));
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var value = input.value.trim();
    show(value);
    if (isRealDate(value) && window.history.replaceState) {
      window.history.replaceState(null, "", "?date=" + value);
    }
  });

  form.hidden = false;
  var asked = new URLSearchParams(window.location.search).get("date");
  if (asked) {
    input.value = asked;
    show(asked.trim());
  }
})();
