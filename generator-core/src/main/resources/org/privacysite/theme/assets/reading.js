/* Reading aids of the policy pages, progressive enhancement only: the page works as plain links without it.
   - On wide screens the contents column is open, and the link of the clause being read is marked
     (aria-current="location").
   - While the cookie banner overlays the bottom of the window, the page keeps that much room below what
     gets focus or is scrolled to (WCAG 2.2, 2.4.11): --ps-banner-size feeds scroll-padding in site.css. */
(function (w, d) {
  'use strict';
  function start() {
    var root = d.documentElement, toc = d.querySelector('.toc'), banner = d.getElementById('ps-consent');

    if (banner && w.ResizeObserver) {
      new w.ResizeObserver(function () {
        var size = banner.hidden ? 0 : banner.getBoundingClientRect().height;
        root.style.setProperty('--ps-banner-size', Math.ceil(size) + 'px');
      }).observe(banner);
    }

    if (!toc) return;
    var details = toc.querySelector('details'), wide = w.matchMedia('(min-width: 64rem)');
    function fold() { if (details) details.open = wide.matches; }
    fold();
    if (wide.addEventListener) wide.addEventListener('change', fold);

    var links = {}, headings = [], current = null, queued = false;
    [].forEach.call(toc.querySelectorAll('a[href^="#"]'), function (a) {
      var target = d.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)));
      if (target) { links[target.id] = a; headings.push(target); }
    });
    function mark() {
      queued = false;
      var line = Math.min(w.innerHeight * 0.25, 160), found = null;
      for (var i = 0; i < headings.length; i++) {
        if (headings[i].getBoundingClientRect().top - 1 > line) break;
        found = headings[i];
      }
      var link = found && links[found.id];
      if (link === current) return;
      if (current) current.removeAttribute('aria-current');
      current = link;
      if (!link) return;
      link.setAttribute('aria-current', 'location');
      var box = toc.getBoundingClientRect(), at = link.getBoundingClientRect();
      if (toc.scrollHeight > toc.clientHeight && (at.top < box.top || at.bottom > box.bottom)) {
        toc.scrollTop += at.top - box.top - toc.clientHeight / 3; // keep the mark in sight, without scrolling the page
      }
    }
    function later() { if (!queued) { queued = true; w.requestAnimationFrame(mark); } }
    w.addEventListener('scroll', later, { passive: true });
    w.addEventListener('resize', later);
    mark();
  }
  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', start); else start();
})(window, document);
