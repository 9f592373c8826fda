// Searches made with the search form replace the current history entry, so Back shows no trail
// of the places searched. Loaded in <head> and listening on the document, so it already holds
// when someone submits the form while the rest of the page is still loading.
(function () {
  "use strict";
  if (!window.URLSearchParams || !window.FormData) {
    return;
  }
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || !form || form.id !== "search" || form.tagName !== "FORM" ||
        form.method.toLowerCase() !== "get") {
      return;
    }
    event.preventDefault();
    var query = new URLSearchParams(new FormData(form)).toString();
    var action = form.action.split("#")[0].split("?")[0];
    window.location.replace(query ? action + "?" + query : action);
  });
})();
