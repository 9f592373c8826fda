// The map: markers for the visible area come from the API (clustered), so the page's weight
// does not grow with the number of premises. "Use my location" asks the browser for a
// position and sends it only with the search request; nothing is stored.
(function () {
  "use strict";
  var holder = document.getElementById("map");
  if (!holder) {
    return;
  }
  var map = window[holder.getAttribute("data-map-var")];
  var cluster = window[holder.getAttribute("data-cluster-var")];
  if (!map || !cluster) {
    return;
  }
  var api = holder.getAttribute("data-api");
  var linkTarget = holder.getAttribute("data-link-target");
  var filters = {
    open_now: holder.getAttribute("data-open-now") || "true",
    at: holder.getAttribute("data-at") || "",
    facilities: holder.getAttribute("data-facilities") || ""
  };
  var pending = null;
  var timer = null;
  var here = null;

  function clamp(value, low, high) {
    return Math.min(Math.max(value, low), high);
  }

  function query(params) {
    var parts = [];
    Object.keys(params).forEach(function (key) {
      if (params[key] !== "" && params[key] !== null && params[key] !== undefined) {
        parts.push(encodeURIComponent(key) + "=" + encodeURIComponent(params[key]));
      }
    });
    return parts.join("&");
  }

  function popupFor(properties) {
    // Built from text nodes: business-provided text can never become markup.
    var box = document.createElement("div");
    box.className = "popup";
    var title = document.createElement("a");
    title.href = "/spaces/" + encodeURIComponent(properties.id);
    title.textContent = properties.name;
    if (linkTarget) {
      title.target = linkTarget;
      title.rel = "noopener";
    }
    var heading = document.createElement("strong");
    heading.appendChild(title);
    box.appendChild(heading);
    if (properties.demo) {
      var demo = document.createElement("span");
      demo.className = "demo-badge";
      demo.textContent = "Demo listing";
      box.appendChild(document.createTextNode(" "));
      box.appendChild(demo);
    }
    var status = document.createElement("p");
    status.className = "status status-" + properties.state;
    status.textContent = properties.status_text;
    box.appendChild(status);
    var address = document.createElement("p");
    address.textContent = properties.address + (properties.postcode ? ", " + properties.postcode : "");
    box.appendChild(address);
    return box;
  }

  function load() {
    var bounds = map.getBounds();
    var bbox = [
      clamp(bounds.getWest(), -180, 179.9999),
      clamp(bounds.getSouth(), -90, 89.9999),
      clamp(bounds.getEast(), -179.9999, 180),
      clamp(bounds.getNorth(), -89.9999, 90)
    ].map(function (n) { return n.toFixed(5); }).join(",");
    if (pending) {
      pending.abort();
    }
    pending = new AbortController();
    var params = { bbox: bbox, limit: 200, open_now: filters.open_now, at: filters.at,
                   facilities: filters.facilities };
    fetch(api + "?" + query(params), { signal: pending.signal, credentials: "omit" })
      .then(function (response) { return response.ok ? response.json() : { features: [] }; })
      .then(function (collection) {
        var markers = collection.features.map(function (feature) {
          var p = feature.properties;
          var c = feature.geometry.coordinates;
          var marker = L.marker([c[1], c[0]], { title: p.name, alt: p.name, keyboard: true });
          marker.bindPopup(popupFor(p));
          return marker;
        });
        cluster.clearLayers();
        cluster.addLayers(markers);
        holder.setAttribute("data-markers", String(markers.length));
      })
      .catch(function (error) {
        if (error.name !== "AbortError") {
          holder.setAttribute("data-markers", "error");
        }
      });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(load, 200);
  }

  var initial = holder.getAttribute("data-bounds");
  var points = Array.prototype.map.call(
    document.querySelectorAll(".results li.result"),
    function (item) {
      return [parseFloat(item.getAttribute("data-lat")), parseFloat(item.getAttribute("data-lon"))];
    }
  );
  if (initial) {
    var b = initial.split(",").map(parseFloat);
    map.fitBounds([[b[0], b[1]], [b[2], b[3]]]);
  } else if (points.length) {
    points.push([map.getCenter().lat, map.getCenter().lng]);
    map.fitBounds(points, { maxZoom: 16, padding: [20, 20] });
  }
  map.on("moveend", schedule);
  load();

  // Other scripts (the chat) can show a place on this map and reuse a shared position.
  window.SafeSpacesMap = {
    show: function (lat, lon) {
      map.setView([lat, lon], 17);
      holder.scrollIntoView({ behavior: "smooth", block: "center" });
    },
    position: null
  };

  // "Use my location"
  var locate = document.getElementById("locate");
  var status = document.getElementById("locate-status");
  var form = document.getElementById("search");
  var container = document.getElementById("results-container");
  if (!locate || !form || !container || !("geolocation" in navigator)) {
    return;
  }
  locate.hidden = false;

  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }

  locate.addEventListener("click", function () {
    say("Finding your location…");
    navigator.geolocation.getCurrentPosition(function (position) {
      var lat = position.coords.latitude;
      var lon = position.coords.longitude;
      // Kept in this page's memory only, for the chat to use; never stored.
      window.SafeSpacesMap.position = { lat: lat, lon: lon };
      var params = {
        lat: lat.toFixed(5),
        lon: lon.toFixed(5),
        open_now: form.elements.open_now.value,
        at: form.elements.at.value,
        radius_km: form.elements.radius_km.value,
        facilities: Array.prototype.filter
          .call(form.querySelectorAll("input[name=facilities]"), function (b) { return b.checked; })
          .map(function (b) { return b.value; }).join(",")
      };
      fetch("/results?" + query(params), { credentials: "omit" })
        .then(function (response) { return response.text(); })
        .then(function (html) {
          container.innerHTML = html;
          filters.open_now = params.open_now;
          filters.at = params.at;
          filters.facilities = params.facilities;
          if (here) {
            map.removeLayer(here);
          }
          here = L.circleMarker([lat, lon], { radius: 8, color: "#1d4ed8", fillOpacity: 0.6 })
            .addTo(map).bindTooltip("You are here");
          map.setView([lat, lon], 15);
          say("Showing safe spaces near your location.");
          var summary = document.getElementById("results-summary");
          if (summary) {
            summary.setAttribute("tabindex", "-1");
            summary.focus();
          }
        })
        .catch(function () { say("Sorry, the search failed. Try typing a postcode instead."); });
    }, function () {
      say("We could not get your location. Type a postcode, town or station instead.");
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  });
})();
