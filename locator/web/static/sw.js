// The service worker: the last search, the page shell and the offline page kept on the phone.
// /sw.js is this file after one line the server writes (locator/web/offline.py): SETTINGS, with
// the cache version, the shell's static files and the offline page's address in each language.
//
// Pages come from the network first: someone frightened must see live opening hours whenever
// there is a signal. Only the latest search results page (and the home page) is kept; with no
// network, or one too slow to answer ("lie-fi"), the kept copy is shown marked as offline, and
// the page then shows when its places were open. A page never kept gets the offline page: 999
// and 55 first, then the helplines. Static files are named by their content: the kept copy first.
"use strict";

const SHELL_PREFIX = "locator-shell-";
const SHELL = SHELL_PREFIX + SETTINGS.version;
// A fixed name: the quick exit (quick-exit.js) deletes this cache by it.
const RESULTS = "locator-results";
// Page parameters that do not make the home page a search (language, low data).
const NOT_SEARCH = ["lang", "lite"];
// With a kept copy to show instead, how long a silent network is waited for.
const PATIENCE_MS = 8000;
// With nothing kept, a longer wait before the offline page: the network may yet answer.
const PATIENCE_WITHOUT_COPY_MS = 20000;

self.addEventListener("install", (event) => {
  const pages = Object.values(SETTINGS.offline);
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) =>
        cache.addAll(SETTINGS.shell.concat(pages).map((url) => new Request(url, { cache: "reload" })))
      )
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      // An older deploy's shell goes; the results page stays (its own files are found below).
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((name) => name.startsWith(SHELL_PREFIX) && name !== SHELL)
          .map((name) => caches.delete(name))
      );
      if (self.registration.navigationPreload) {
        // The page's request starts while the worker wakes up: no delay on a slow phone.
        await self.registration.navigationPreload.enable();
      }
      await self.clients.claim();
      await keepOpenPages();
    })()
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(navigate(event, url));
  } else if (url.pathname.startsWith("/static/")) {
    event.respondWith(staticFile(event, url));
  }
  // Anything else (the API, map tiles, the results fragment) goes to the network as usual;
  // tiles are never kept: they would show where someone looked.
});

// "results" for a search on the home page, "home" for the home page itself, else null.
function kindOf(url) {
  if (url.origin !== self.location.origin || url.pathname !== "/") {
    return null;
  }
  for (const name of url.searchParams.keys()) {
    if (!NOT_SEARCH.includes(name)) {
      return "results";
    }
  }
  return "home";
}

async function navigate(event, url) {
  const kind = event.request.destination === "document" ? kindOf(url) : null;
  const kept = kind ? await caches.match(url.href, { ignoreVary: true }) : undefined;
  let response;
  try {
    response = await patiently(fromNetwork(event), kept ? PATIENCE_MS : PATIENCE_WITHOUT_COPY_MS);
  } catch (error) {
    return kept ? markedOffline(kept) : offlinePage(url);
  }
  if (kind) {
    event.waitUntil(keep(kind, url.href, response.clone(), event.resultingClientId));
  }
  return response;
}

async function fromNetwork(event) {
  const preloaded = await event.preloadResponse;
  return preloaded || fetch(event.request);
}

function patiently(promise, milliseconds) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("The network did not answer in time.")), milliseconds);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      }
    );
  });
}

// Keep a page that answered well: a search replaces the last one, so only one is ever kept.
async function keep(kind, address, response, clientId) {
  const type = response.headers.get("Content-Type") || "";
  if (response.status !== 200 || !type.startsWith("text/html")) {
    return;
  }
  if (kind === "results") {
    await caches.delete(RESULTS);
  }
  const cache = await caches.open(kind === "results" ? RESULTS : SHELL);
  await cache.put(address, response);
  // A page left while its copy was being written (the quick exit, a closed tab) is not kept:
  // the quick exit deletes the copy, and one finished after it must not stay behind.
  if (kind === "results" && clientId && !(await self.clients.get(clientId))) {
    await caches.delete(RESULTS);
  }
}

// Pages open before this worker started were not fetched through it: a search on the screen is
// asked for once more, so that it can be read again with no signal.
async function keepOpenPages() {
  const windows = await self.clients.matchAll({ type: "window" });
  for (const client of windows) {
    if (kindOf(new URL(client.url)) === "results") {
      try {
        await keep("results", client.url, await fetch(client.url), client.id);
      } catch (error) {
        // No network now: the next visit keeps it.
      }
    }
  }
}

// The kept page, marked so that it shows the offline banner (site.css: html[data-offline]).
async function markedOffline(response) {
  const page = await response.text();
  const headers = new Headers(response.headers);
  headers.delete("Content-Length");
  headers.delete("Content-Encoding");
  return new Response(page.replace(/<html\b/i, '<html data-offline=""'), {
    status: response.status,
    statusText: response.statusText,
    headers: headers,
  });
}

async function offlinePage(url) {
  const address = SETTINGS.offline[url.searchParams.get("lang")] || SETTINGS.offline[""];
  const page = await caches.match(address, { ignoreVary: true });
  return page || Response.error();
}

async function staticFile(event, url) {
  const shell = await caches.open(SHELL);
  const kept = await shell.match(event.request, { ignoreVary: true });
  if (kept) {
    return kept;
  }
  try {
    const response = await fetch(event.request);
    if (response.status === 200 && url.searchParams.has("v")) {
      event.waitUntil(shell.put(event.request, response.clone()));
    }
    return response;
  } catch (error) {
    // A page kept before a deploy names the older versions: today's file is the nearest.
    const today = await caches.match(url.pathname, { ignoreSearch: true, ignoreVary: true });
    if (today) {
      return today;
    }
    throw error;
  }
}
