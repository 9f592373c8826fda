// The embed's search: a typed place, or "Use my location" (a partner's iframe needs
// allow="geolocation"). Both load the embed again in place of this history entry, so the back
// button does not step through searches; the position is sent with that one request only.
(function () {
  "use strict";
  var form = document.getElementById("embed-search");
  if (!form || !window.URLSearchParams || !window.FormData) {
    return;
  }
  var action = form.getAttribute("action");

  function go(params) {
    var query = params.toString();
    window.location.replace(query ? action + "?" + query : action);
  }

  form.addEventListener("submit", function (event) {
    if (event.defaultPrevented) {
      return;
    }
    event.preventDefault();
    go(new URLSearchParams(new FormData(form)));
  });

  var locate = document.getElementById("embed-locate");
  var status = document.getElementById("embed-locate-status");
  if (!locate || !("geolocation" in navigator)) {
    return;
  }
  locate.hidden = false;

  // The words come from the page, in its language.
  function say(words) {
    if (status) {
      status.textContent = locate.getAttribute("data-" + words) || "";
    }
  }

  locate.addEventListener("click", function () {
    say("finding");
    navigator.geolocation.getCurrentPosition(function (position) {
      var params = new URLSearchParams(new FormData(form));
      params.delete("q");
      params.set("my_lat", position.coords.latitude.toFixed(5));
      params.set("my_lon", position.coords.longitude.toFixed(5));
      say("searching");
      go(params);
    }, function () {
      say("failed");
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  });
})();
