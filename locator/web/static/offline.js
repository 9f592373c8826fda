// Starts the service worker (sw.js), which keeps the last search and the offline page on the
// phone. Browsers allow one only on https or localhost (a secure context); never in a partner's
// frame, where it could keep nothing useful.
(function () {
  "use strict";
  if (!window.isSecureContext || !("serviceWorker" in navigator) || window.top !== window.self) {
    return;
  }
  window.addEventListener("load", function () {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {
      // Private windows and some settings refuse it: the site works the same without.
    });
  });
})();
