// Quick exit, after GOV.UK's "Exit this page": the button, or Shift pressed on its own three
// times, replaces this page in the history with a neutral site, so Back does not return here.
// (Searches that leave no trail in Back are no-trail.js.)
(function () {
  "use strict";
  var target = document.body.getAttribute("data-quick-exit") || "https://www.bbc.co.uk/weather";
  var inFrame = window.top !== window.self;
  var PRESSES_TO_EXIT = 3;
  // As GOV.UK: the count starts again when Shift has not been pressed for this long.
  var FORGET_AFTER_MS = 5000;
  var button = document.getElementById("quick-exit");
  var pageTitle = document.title;

  function element(tag, className) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    return node;
  }

  // What the presses so far mean, said to screen readers.
  var status = element("span", "visually-hidden quick-exit-status");
  status.id = "quick-exit-status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  document.body.appendChild(status);

  // The same shown by the button: one light for each press, hidden until the first.
  var indicator = element("span", "quick-exit-indicator");
  indicator.setAttribute("aria-hidden", "true");
  var lights = [];
  for (var i = 0; i < PRESSES_TO_EXIT; i++) {
    lights.push(indicator.appendChild(element("span", "quick-exit-light")));
  }
  if (button) {
    button.appendChild(indicator);
  }

  function say(text) {
    status.textContent = text;
  }

  // The words come from the button's data-* attributes, in the page's language.
  function words(name) {
    return (button && button.getAttribute("data-" + name)) || "";
  }

  function leave() {
    // The last search kept for use with no signal (sw.js) must not be left on the phone.
    // Not waited for: leaving comes first.
    try {
      window.caches.delete("locator-results").catch(function () {});
    } catch (e) {
      // No Cache API (plain http, an old browser): nothing was kept.
    }
    say(words("activated"));
    document.body.classList.add("exiting");
    document.title = words("loading");
    try {
      if (inFrame) {
        window.top.location.replace(target);
        return;
      }
    } catch (e) {
      // A cross-origin parent may refuse; fall through to leaving this frame.
    }
    window.location.replace(target);
  }

  if (button) {
    button.addEventListener("click", function (event) {
      event.preventDefault();
      leave();
    });
  }

  var presses = 0;
  var shiftAlone = false; // Shift is down and no other key has been pressed with it
  var forgetTimer = null;
  var quietTimer = null;

  function showPresses() {
    indicator.classList.toggle("is-counting", presses > 0);
    lights.forEach(function (light, index) {
      light.classList.toggle("is-on", index < presses);
    });
  }

  function forget(announce) {
    clearTimeout(forgetTimer);
    forgetTimer = null;
    if (presses && announce) {
      say(words("expired"));
      quietTimer = setTimeout(function () { say(""); }, FORGET_AFTER_MS);
    }
    presses = 0;
    showPresses();
  }

  function countPress() {
    presses += 1;
    clearTimeout(quietTimer);
    clearTimeout(forgetTimer);
    showPresses();
    if (presses >= PRESSES_TO_EXIT) {
      presses = 0;
      forgetTimer = null;
      leave();
      return;
    }
    // One whole sentence for each count (data-pressed-1, data-pressed-2): Welsh counts differ.
    say(words("pressed-" + presses));
    forgetTimer = setTimeout(function () { forget(true); }, FORGET_AFTER_MS);
  }

  // Only Shift pressed and released on its own counts: typing capitals (Shift held while a
  // letter is pressed) or any other key starts the count again. Capture, so that widgets
  // that stop key events (the map) cannot hide them.
  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) {
        shiftAlone = true;
      }
      return;
    }
    shiftAlone = false;
    if (presses) {
      forget(false);
    }
  }, true);

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") {
      return;
    }
    var alone = shiftAlone;
    shiftAlone = false;
    if (alone) {
      countPress();
    }
  }, true);

  // A page restored from the back-forward cache must not stay blank or half counted.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      document.body.classList.remove("exiting");
      document.title = pageTitle;
      say("");
      forget(false);
    }
  });
})();
