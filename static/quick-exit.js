// Quick exit (GOV.UK "Exit this page" pattern): the button, or Shift pressed three times,
// replaces this page in the history with a neutral site, so Back does not return here.
(function () {
  "use strict";
  var target = document.body.getAttribute("data-quick-exit") || "https://www.bbc.co.uk/weather";
  var inFrame = window.top !== window.self;

  function leave() {
    document.body.classList.add("exiting");
    document.title = "Loading…";
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

  var button = document.getElementById("quick-exit");
  if (button) {
    button.addEventListener("click", function (event) {
      event.preventDefault();
      leave();
    });
  }

  var presses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift" || event.repeat) {
      return;
    }
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 1000; });
    presses.push(now);
    if (presses.length >= 3) {
      presses = [];
      leave();
    }
  });
})();
