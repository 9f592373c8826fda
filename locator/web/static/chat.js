// The chat panel: sends the message (and the position, only if the person shared it on this
// page) to the assistant and shows the reply. The conversation's `context` lives in this page's
// memory only and goes back with the next message; nothing is stored in the browser or by us.
(function () {
  "use strict";
  var form = document.getElementById("chat-form");
  var input = document.getElementById("chat-message");
  var log = document.getElementById("chat-log");
  if (!form || !input || !log || !window.fetch) {
    return;
  }
  var linkTarget = document.body.classList.contains("page-embed") ? "_blank" : null;
  // The words people read come from the page (data-* on the form), in the page's language.
  var words = form.dataset;
  function say(name, fallback) {
    return words[name] || fallback;
  }
  var contextField = document.getElementById("chat-context");
  var context = null;
  if (contextField && contextField.value) {
    try {
      context = JSON.parse(contextField.value);
    } catch (error) {
      context = null;
    }
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function localTime() {
    var now = new Date();
    var pad = function (n) { return String(n).padStart(2, "0"); };
    // Without an offset the server reads this as London time, which is what the person sees.
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate()) +
      "T" + pad(now.getHours()) + ":" + pad(now.getMinutes());
  }

  function showReply(reply) {
    var box = element("div", "chat-message from-helper" + (reply.emergency ? " is-emergency" : ""));
    if (reply.emergency) {
      var call = element("p", "chat-999");
      var link = element("a", null, say("callEmergency", "Call 999"));
      link.href = "tel:999";
      call.appendChild(link);
      if (reply.failed) {
        call.appendChild(element("span", "chat-silent",
          say("cantSpeak", "Can't speak? Dial 999 then press 55.")));
      }
      box.appendChild(call);
    }
    box.appendChild(element("p", null, reply.reply));
    if (reply.results && reply.results.length) {
      var list = element("ul", "chat-results");
      reply.results.forEach(function (r) {
        var item = element("li");
        var place = element("a", null, r.name);
        place.href = "/spaces/" + encodeURIComponent(r.id);
        if (linkTarget) {
          place.target = linkTarget;
          place.rel = "noopener";
        }
        item.appendChild(place);
        item.appendChild(document.createTextNode(" · " + (r.distance_text || "") + " · " + r.status_text));
        if (window.SafeSpacesMap) {
          var show = element("button", "link-button", say("showOnMap", "Show on map"));
          show.type = "button";
          show.setAttribute("aria-label",
            say("showPlaceOnMap", "Show {name} on the map").replace("{name}", r.name));
          show.addEventListener("click", function () { window.SafeSpacesMap.show(r.lat, r.lon); });
          item.appendChild(document.createTextNode(" "));
          item.appendChild(show);
        }
        list.appendChild(item);
      });
      box.appendChild(list);
    }
    if (reply.helplines && reply.helplines.length) {
      var lines = element("ul", "chat-helplines");
      reply.helplines.forEach(function (line) {
        var item = element("li");
        var call = element("a", null, line.name + ": " + line.phone);
        call.href = "tel:" + line.phone.replace(/\s+/g, "");
        item.appendChild(call);
        lines.appendChild(item);
      });
      box.appendChild(lines);
    }
    if (reply.local_contacts && reply.local_contacts.length) {
      box.appendChild(element("p", "chat-local-lead",
        say("localServices", "Local services for this area:")));
      var local = element("ul", "chat-helplines chat-local");
      reply.local_contacts.forEach(function (contact) {
        var item = element("li");
        var call = element("a", null, contact.name + ": " + contact.phone);
        call.href = "tel:" + contact.phone.replace(/\s+/g, "");
        item.appendChild(call);
        var notes = [];
        if (contact.hours_text) {
          notes.push(contact.hours_text);
        }
        if (contact.open_now === false) {
          notes.push(say("closedNow", "closed now"));
        }
        if (notes.length) {
          item.appendChild(document.createTextNode(" · " + notes.join(" · ")));
        }
        if (contact.website) {
          var site = element("a", null, say("website", "website"));
          site.href = contact.website;
          site.rel = "noopener noreferrer";
          item.appendChild(document.createTextNode(" · "));
          item.appendChild(site);
        }
        local.appendChild(item);
      });
      box.appendChild(local);
    }
    if (reply.choices && reply.choices.length) {
      box.appendChild(choiceButtons(reply.choices));
    }
    log.appendChild(box);
    box.scrollIntoView({ block: "nearest" });
  }

  // The common answers to the reply's question, one tap each.
  function choiceButtons(choices) {
    var row = element("div", "chat-choices");
    choices.forEach(function (choice) {
      if (choice.action === "share_location" && !("geolocation" in navigator)) {
        return;
      }
      var button = element("button", "button", choice.label);
      button.type = "button";
      button.addEventListener("click", function () {
        if (choice.action === "share_location") {
          shareLocation(button);
        } else {
          send(choice.message);
        }
      });
      row.appendChild(button);
    });
    return row;
  }

  function shareLocation(button) {
    button.disabled = true;
    button.textContent = say("findingYou", "Finding you…");
    navigator.geolocation.getCurrentPosition(function (position) {
      var shared = { lat: position.coords.latitude, lon: position.coords.longitude };
      if (window.SafeSpacesMap) {
        window.SafeSpacesMap.position = shared;
      }
      button.textContent = say("locationShared", "Location shared");
      send(say("myLocation", "My location"), shared);
    }, function () {
      button.disabled = false;
      button.textContent = say("useMyLocation", "Use my location");
      showReply({
        reply: say("locationFailed", "Your location could not be found. Type a postcode, town, " +
          "station or street instead. In danger? Call 999.")
      });
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  }

  // When the helper cannot answer (too many requests, no network, a server error), the panel
  // still shows how to get help now.
  function showFailure(message) {
    showReply({ reply: message, emergency: true, failed: true });
  }

  function send(message, shared) {
    var mine = element("div", "chat-message from-you");
    mine.appendChild(element("span", "visually-hidden", say("youSaid", "You said: ")));
    mine.appendChild(document.createTextNode(message));
    log.appendChild(mine);
    var body = { message: message, at: localTime() };
    if (words.lang) {
      body.lang = words.lang;  // answers a message in neither language ("CF10") in the page's
    }
    var position = shared || (window.SafeSpacesMap && window.SafeSpacesMap.position);
    if (position) {
      body.lat = position.lat;
      body.lon = position.lon;
    }
    if (context) {
      body.context = context;
    }
    fetch("/api/v1/chat", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      credentials: "omit"
    })
      .then(function (response) {
        // A proxy's 502 or 504 page is not JSON: that is a failure too, not a broken panel.
        return response.json()
          .catch(function () { return null; })
          .then(function (data) {
            // A 503 with a reply is still a reply: places could not be searched, 999 leads.
            var replied = data !== null && typeof data.reply === "string";
            return { ok: replied && (response.ok || response.status === 503), data: data };
          });
      })
      .then(function (result) {
        if (result.ok) {
          context = result.data.context || null;
          showReply(result.data);
        } else {
          var error = result.data && result.data.error;
          if (error && error.field === "context") {
            context = null;  // start the conversation afresh rather than repeat the error
          }
          // The API's own messages are English: a Welsh page says its own words instead.
          var english = !words.lang || words.lang === "en";
          showFailure((english && error && error.message) ||
            say("wentWrong", "Sorry, something went wrong."));
        }
      })
      .catch(function () {
        showFailure(say("unreachable", "Sorry, I could not reach the service."));
      })
      .finally(function () { input.focus(); });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var message = input.value.trim();
    if (!message) {
      input.focus();
      return;
    }
    input.value = "";
    send(message);
  });
})();
