/*
 * The page's interactive islands, in plain JavaScript (issue 15, "public pages"): the language switch, the print
 * button and the agenda's room filter. They are server-rendered markup marked `data-island`; this one script, loaded by
 * the root layout on every page, answers them by event delegation — so they work the same on a page React hydrates
 * (signed-in visitors, the console) and on a page served without React's runtime (anonymous public pages from the
 * page cache: lib/cache/static-page.ts). Where React runs, the language switch's own component enhances its click
 * into a soft refresh (components/layout/language-switch.tsx) and marks it handled. No texts here: every label is
 * rendered by the server through next-intl.
 * Kept small and dependency-free; no build step (ES2017, every browser Next supports runs it).
 */
(function () {
  "use strict";
  if (window.__huiwuIslands) return;
  window.__huiwuIslands = "loading";

  /** The language switch's cookie, as lib/i18n/config.ts names it (the button carries the name). */
  function setLocaleCookie(cookie, locale) {
    document.cookie = cookie + "=" + locale + "; path=/; max-age=31536000; samesite=lax";
  }

  /**
   * A visit to an explicit language URL (?lang=en, which wins over the cookie) stores that language in the cookie too
   * (a cached page never sets cookies), so the plain URLs the page links to render in the same language.
   */
  function rememberExplicitLanguage() {
    var button = document.querySelector('[data-island="language-switch"]');
    if (!button) return;
    var current = button.getAttribute("data-current");
    var cookie = button.getAttribute("data-cookie");
    var param = button.getAttribute("data-param");
    if (!current || !cookie || !param) return;
    if (new URLSearchParams(window.location.search).get(param) !== current) return;
    if (document.cookie.split(/;\s*/).indexOf(cookie + "=" + current) < 0) setLocaleCookie(cookie, current);
  }

  /** Switch: store the other language and load the page again (on a ?lang= URL, the plain URL: the cookie decides). */
  function switchLanguage(button) {
    var next = button.getAttribute("data-next");
    var cookie = button.getAttribute("data-cookie");
    var param = button.getAttribute("data-param");
    if (!next || !cookie || !param) return;
    setLocaleCookie(cookie, next);
    button.disabled = true;
    var url = new URL(window.location.href);
    if (url.searchParams.has(param)) {
      url.searchParams.delete(param);
      window.location.replace(url.toString());
    } else window.location.reload();
  }

  /** The room filter of a group of parallel sessions: show one room's sessions (a phone; a computer shows all). */
  function filterRoom(button) {
    var group = button.closest("[data-room-group]");
    if (!group) return;
    var room = button.getAttribute("data-room-filter") || "";
    var buttons = group.querySelectorAll('[data-island="room-filter"]');
    for (var i = 0; i < buttons.length; i++) buttons[i].setAttribute("aria-pressed", String(buttons[i] === button));
    var items = group.querySelectorAll("[data-room]");
    for (var j = 0; j < items.length; j++) {
      if (room && items[j].getAttribute("data-room") !== room) items[j].setAttribute("data-filtered", "");
      else items[j].removeAttribute("data-filtered");
    }
  }

  // On window, in the bubbling phase: after React's own listener (on the document it hydrates), so a click a React
  // component handled (event.preventDefault(): the language switch's soft refresh) is left alone.
  window.addEventListener("click", function (event) {
    if (event.defaultPrevented) return;
    var target = event.target instanceof Element ? event.target.closest("[data-island]") : null;
    if (!target || target.disabled) return;
    var kind = target.getAttribute("data-island");
    if (kind === "language-switch") switchLanguage(target);
    else if (kind === "print") window.print();
    else if (kind === "room-filter") filterRoom(target);
  });

  function ready() {
    rememberExplicitLanguage();
    window.__huiwuIslands = "ready"; // tests wait for this before clicking (no attribute: React hydrates <html>)
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
