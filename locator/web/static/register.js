// Registration: find the postcode on the map and let the business drag the pin to its door.
// The pin's position fills the hidden lat/lon fields; without JavaScript the postcode is used.
(function () {
  "use strict";
  var holder = document.getElementById("pin-map");
  var postcode = document.getElementById("postcode");
  var lat = document.getElementById("lat");
  var lon = document.getElementById("lon");
  var hint = document.getElementById("pin-hint");
  var map = holder && window[holder.getAttribute("data-map-var")];
  if (!map || !postcode || !lat || !lon) {
    return;
  }
  var pin = null;

  function place(latitude, longitude, zoom) {
    if (!pin) {
      pin = L.marker([latitude, longitude], { draggable: true, autoPan: true, alt: "Your premises",
                                              title: "Drag me to your door" }).addTo(map);
      pin.on("dragend", function () {
        var at = pin.getLatLng();
        lat.value = at.lat.toFixed(6);
        lon.value = at.lng.toFixed(6);
        hint.textContent = "Pin placed: we will use this exact spot.";
      });
    } else {
      pin.setLatLng([latitude, longitude]);
    }
    lat.value = latitude.toFixed(6);
    lon.value = longitude.toFixed(6);
    map.setView([latitude, longitude], zoom);
  }

  function findPostcode() {
    var text = postcode.value.trim();
    if (!text) {
      return;
    }
    fetch("/api/v1/spaces?limit=1&q=" + encodeURIComponent(text), { credentials: "omit" })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        if (answer.location) {
          place(answer.location.lat, answer.location.lon, 16);
          hint.textContent = "We found " + answer.location.label +
            ". Drag the pin to your door if you can.";
        } else if (answer.error) {
          hint.textContent = answer.error.message;
        }
      })
      .catch(function () {});
  }

  if (lat.value && lon.value) {
    place(parseFloat(lat.value), parseFloat(lon.value), 17);
  }
  postcode.addEventListener("change", findPostcode);
})();

// Bank holidays: typing a time chooses "open on bank holidays", as the server would read it.
(function () {
  "use strict";
  var open = document.getElementById("bank-holidays-open");
  var times = document.querySelectorAll("input[name^=ph_]");
  if (!open) {
    return;
  }
  Array.prototype.forEach.call(times, function (input) {
    input.addEventListener("input", function () {
      if (input.value) {
        open.checked = true;
      }
    });
  });
})();
