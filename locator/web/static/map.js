// The map: markers for the visible area come from the API (clustered), so the page's weight
// does not grow with the number of premises. "Use my location" asks the browser for a
// position and sends it only with the search request; nothing is stored.
// On the home page Leaflet itself (about 60 KiB) is fetched only once the map is in view or
// opened (see need()); the list, the toggle, "Use my location" and the chat work before that.
(function () {
  "use strict";
  var holder = document.getElementById("map");
  if (!holder) {
    return;
  }
  // Null until Leaflet has drawn the map.
  var map = null;
  var cluster = null;
  // What happened before then, for draw() to show: a position from "Use my location", and a
  // place the chat asked to see.
  var located = null;
  var wanted = null;
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
  var listed = null;
  var listedIds = {};
  var STATES = { open: 1, closing: 1, unconfirmed: 1, unknown: 1, closed: 1 };
  // What people read comes from the page, in its language (see _map.html's map_words).
  var words = {};
  var wordsBlock = document.getElementById("map-words");
  if (wordsBlock) {
    try {
      words = JSON.parse(wordsBlock.textContent) || {};
    } catch (error) {
      words = {};
    }
  }
  function word(name) {
    return typeof words[name] === "string" ? words[name] : "";
  }
  // A link to one of our pages keeps a language the visitor chose with ?lang=.
  function inLanguage(path) {
    return words.lang ? path + (path.indexOf("?") < 0 ? "?" : "&") + "lang=" +
      encodeURIComponent(words.lang) : path;
  }
  // The API speaks English: a page in another language says a marker's state in a word.
  function statusText(properties) {
    var states = words.states;
    if (!states) {
      return properties.status_text;
    }
    var state = properties.hours_unconfirmed ? "unconfirmed" : properties.state;
    return states[state] || properties.status_text;
  }

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
    title.href = inLanguage("/spaces/" + encodeURIComponent(properties.id));
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
      demo.textContent = word("demo");
      box.appendChild(document.createTextNode(" "));
      box.appendChild(demo);
    }
    var status = document.createElement("p");
    status.className = "status status-" + properties.state;
    status.textContent = statusText(properties);
    box.appendChild(status);
    var address = document.createElement("p");
    address.textContent = properties.address + (properties.postcode ? ", " + properties.postcode : "");
    box.appendChild(address);
    return box;
  }

  // Before a search, the whole UK's markers would be hundreds of points nobody asked for on a
  // slow phone: the map asks only once there is a search, or once it is zoomed in to a region.
  var MIN_BROWSE_ZOOM = 9;
  var hint = null;

  function searched() {
    return Boolean(holder.getAttribute("data-bounds") || holder.hasAttribute("data-here-lat") ||
                   document.querySelector(".results li.result"));
  }

  function showHint(shown) {
    if (shown && !hint) {
      hint = L.control({ position: "topright" });
      hint.onAdd = function () {
        var box = L.DomUtil.create("p", "map-hint");
        box.textContent = word("hint");
        return box;
      };
      hint.addTo(map);
    } else if (!shown && hint) {
      map.removeControl(hint);
      hint = null;
    }
  }

  function load() {
    var wanted = searched() || map.getZoom() >= MIN_BROWSE_ZOOM;
    showHint(!wanted);
    if (!wanted) {
      cluster.clearLayers();
      holder.setAttribute("data-markers", String(listed.getLayers().length));
      return;
    }
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
        var shown = collection.features.filter(function (feature) {
          return !listedIds[String(feature.id)];  // the list's own numbered pins show these
        });
        var markers = shown.map(function (feature) {
          var p = feature.properties;
          var c = feature.geometry.coordinates;
          var marker = L.marker([c[1], c[0]], { title: p.name, alt: p.name, keyboard: true });
          marker.bindPopup(popupFor(p));
          return marker;
        });
        cluster.clearLayers();
        cluster.addLayers(markers);
        // Every pin on the map: the list's numbered ones and the others in view.
        holder.setAttribute("data-markers", String(markers.length + listed.getLayers().length));
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

  function textElement(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span;
  }

  // The listed places as pins numbered like the list and coloured by state.
  function showListed() {
    listed.clearLayers();
    listedIds = {};
    var points = [];
    Array.prototype.forEach.call(document.querySelectorAll(".results li.result"), function (item) {
      var lat = parseFloat(item.getAttribute("data-lat"));
      var lon = parseFloat(item.getAttribute("data-lon"));
      var number = parseInt(item.getAttribute("data-number"), 10);
      var state = item.getAttribute("data-state");
      if (!isFinite(lat) || !isFinite(lon) || !isFinite(number)) {
        return;
      }
      state = STATES[state] ? state : "closed";
      listedIds[item.getAttribute("data-id")] = true;
      var link = item.querySelector(".result-link");
      var name = link ? link.textContent : "";
      var icon = L.divIcon({
        className: "",
        html: '<div class="pin pin-' + state + '"><span>' + number + "</span></div>",
        iconSize: [28, 28],
        iconAnchor: [14, 28],
        popupAnchor: [0, -26]
      });
      var marker = L.marker([lat, lon], { icon: icon, title: number + ". " + name, alt: name,
                                          keyboard: true, zIndexOffset: 1000 - number });
      var popup = document.createElement("div");
      popup.className = "popup";
      var title = document.createElement("a");
      title.href = link ? link.getAttribute("href") : "#";
      if (linkTarget) {
        title.target = linkTarget;
        title.rel = "noopener";
      }
      title.textContent = number + ". " + name;
      popup.appendChild(title);
      var status = item.querySelector(".status");
      if (status) {
        var line = document.createElement("p");
        line.className = status.className;
        line.textContent = status.textContent;
        popup.appendChild(line);
      }
      marker.bindPopup(popup);
      listed.addLayer(marker);
      points.push([lat, lon]);
    });
    return points;
  }

  // The searched place, marked so the list's distances make sense.
  function markHere(lat, lon, label) {
    if (here) {
      map.removeLayer(here);
    }
    here = L.circleMarker([lat, lon], { radius: 9, color: "#1d4ed8", weight: 3, fillOpacity: 0.25 })
      .addTo(map).bindTooltip(textElement(label), { permanent: false });
  }

  var points = [];

  // The person's position and the list found there, as "Use my location" shows them.
  function showLocated(lat, lon) {
    markHere(lat, lon, word("here"));
    points = showListed();
    if (points.length) {
      map.fitBounds(points.concat([[lat, lon]]), { maxZoom: 16, padding: [20, 20] });
    } else {
      map.setView([lat, lon], 15);
    }
  }

  // The Leaflet map, once there is one (before that, the same global name is the map's <div>,
  // which browsers expose by its id).
  function leafletMap() {
    var found = window[holder.getAttribute("data-map-var")];
    return window.L && found instanceof L.Map ? found : null;
  }

  // Show on the drawn map what the page shows: the list's pins, the searched place or the
  // person's position, then the other places in view.
  function draw() {
    var found = leafletMap();
    var group = window[holder.getAttribute("data-cluster-var")];
    if (!found || !group) {
      return;
    }
    map = found;
    cluster = group;
    holder.removeAttribute("data-map-state");
    listed = L.layerGroup().addTo(map);
    var initial = holder.getAttribute("data-bounds");
    if (located) {
      showLocated(located.lat, located.lon);  // pressed before the map was drawn
    } else {
      points = showListed();
      var hereLat = parseFloat(holder.getAttribute("data-here-lat"));
      var hereLon = parseFloat(holder.getAttribute("data-here-lon"));
      if (isFinite(hereLat) && isFinite(hereLon)) {
        var label = holder.getAttribute("data-here-label") || "";
        markHere(hereLat, hereLon, word("searched").replace("{place}", function () { return label; }));
      }
      if (initial) {
        var b = initial.split(",").map(parseFloat);
        map.fitBounds([[b[0], b[1]], [b[2], b[3]]]);
      } else if (points.length) {
        points.push([map.getCenter().lat, map.getCenter().lng]);
        map.fitBounds(points, { maxZoom: 16, padding: [20, 20] });
      }
    }
    if (wanted) {
      map.setView(wanted, 17);
      wanted = null;
    }
    map.on("moveend", schedule);
    load();
  }

  // Fetch Leaflet's files (listed in the page's <template>, content-named like every static
  // file) and draw once all have come: its stylesheet too, or its icons miss their images.
  var asked = false;
  function need() {
    var assets = document.getElementById(holder.getAttribute("data-assets") || "");
    if (map || asked || !assets || !assets.content || !window.SafeSpacesDrawMap) {
      return;
    }
    asked = true;
    holder.setAttribute("data-map-state", "loading");
    var waiting = 1;
    var failed = false;
    function arrived() {
      waiting -= 1;
      if (waiting === 0 && !failed) {
        window.SafeSpacesDrawMap();
        draw();
      }
    }
    function broken() {
      failed = true;
      asked = false;  // showing the map again tries again
      holder.setAttribute("data-map-state", "failed");
    }
    Array.prototype.forEach.call(assets.content.querySelectorAll("link[href], script[src]"),
      function (listedAsset) {
        var file;
        if (listedAsset.tagName === "LINK") {
          file = document.createElement("link");
          file.rel = "stylesheet";
          file.href = listedAsset.getAttribute("href");
        } else {
          file = document.createElement("script");
          file.async = false;  // run in the listed order: Leaflet before its cluster plugin
          file.src = listedAsset.getAttribute("src");
        }
        waiting += 1;
        file.onload = arrived;
        file.onerror = broken;
        document.head.appendChild(file);
      });
    arrived();
  }

  if (leafletMap()) {
    draw();  // Leaflet came with the page (the embed, where the map is the point)
  } else if ("IntersectionObserver" in window) {
    // A wide screen shows the map beside the list: drawn once the list is on screen (the page
    // preloads Leaflet there, at low priority). On a phone the map is below the list, or
    // behind "Show map": fetched only when a quarter of it is in view.
    var watcher = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.intersectionRatio >= 0.25; })) {
        watcher.disconnect();
        need();
      }
    }, { threshold: 0.25 });
    watcher.observe(holder);
  } else {
    window.addEventListener("load", need);
  }

  // Other scripts (the chat) can show a place on this map and reuse a shared position.
  window.SafeSpacesMap = {
    show: function (lat, lon) {
      if (map) {
        map.setView([lat, lon], 17);
      } else {
        wanted = [lat, lon];
        need();
      }
      holder.scrollIntoView({ behavior: "smooth", block: "center" });
    },
    position: null
  };

  // Phones: a map/list toggle instead of a map 10,000 px down the page.
  var toggle = document.getElementById("view-toggle");
  if (toggle) {
    toggle.addEventListener("click", function (event) {
      event.preventDefault();
      var showing = document.body.classList.toggle("show-map");
      toggle.textContent = toggle.getAttribute(showing ? "data-list-text" : "data-map-text");
      toggle.setAttribute("aria-expanded", showing ? "true" : "false");
      if (!map) {
        if (showing) {
          need();
        }
        return;
      }
      map.invalidateSize();
      if (showing && points.length) {
        map.fitBounds(points, { maxZoom: 16, padding: [20, 20] });
      }
    });
  }

  // After a search the summary takes focus: on a phone it is on screen, and a screen reader
  // says it once. A place we could not find is said beside the search box, which has focus.
  var summary = document.getElementById("results-summary");
  var fieldError = document.getElementById("q-error");
  if (fieldError) {
    var box = document.getElementById("q");
    if (box) {
      box.focus();
    }
  } else if (summary && document.querySelector(".results li.result, #results-summary.error, #nothing-open")) {
    // In a partner's iframe, focusing on load would scroll the partner's page to us; only a
    // visitor's own search there (which marks the searched place) moves focus.
    var framed = window.top !== window.self;
    if (!framed || holder.hasAttribute("data-here-lat")) {
      summary.focus();
    }
  }

  // "Use my location"
  var locate = document.getElementById("locate");
  var status = document.getElementById("locate-status");
  var form = document.getElementById("search");
  var container = document.getElementById("results-container");
  if (!locate || !form || !container || !("geolocation" in navigator)) {
    return;
  }
  locate.hidden = false;

  // The shared position travels with the filter form (hidden fields) until a place is typed.
  function keepPosition(lat, lon) {
    ["lat", "lon"].forEach(function (name, i) {
      var field = form.querySelector("input[type=hidden][name=" + name + "]");
      if (!field) {
        field = document.createElement("input");
        field.type = "hidden";
        field.name = name;
        form.appendChild(field);
      }
      field.value = (i === 0 ? lat : lon).toFixed(5);
    });
  }
  var box = form.elements.q;
  if (box) {
    box.addEventListener("input", function () {
      Array.prototype.forEach.call(
        form.querySelectorAll("input[type=hidden][name=lat], input[type=hidden][name=lon]"),
        function (field) { field.parentNode.removeChild(field); }
      );
    });
  }

  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }

  locate.addEventListener("click", function () {
    say(word("finding"));
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
        lang: words.lang || "",
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
          if (form.elements.q) {
            form.elements.q.value = "";
          }
          keepPosition(lat, lon);
          if (map) {
            showLocated(lat, lon);
            load();
          } else {
            located = { lat: lat, lon: lon };  // for draw(), whenever the map is shown
          }
          say("");
          var fresh = document.getElementById("results-summary");
          if (fresh) {
            fresh.setAttribute("tabindex", "-1");
            fresh.focus();
          }
        })
        .catch(function () { say(word("failed")); });
    }, function () {
      say(word("unlocated"));
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  });
})();
