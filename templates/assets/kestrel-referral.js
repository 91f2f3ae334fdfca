/* Kestrel's partner referral tag (category "marketing" in content/cookies.yaml). consent.js loads it only after the
   visitor accepts marketing, never under Global Privacy Control. A visitor who arrives by a partner's link
   (?ref=partner) keeps the partner's id for 90 days (kestrel_ref), so that the sale can be credited to it. */
(function (w, d) {
  'use strict';
  var ref = new URLSearchParams(location.search).get('ref');
  if (ref && /^[A-Za-z0-9_-]{1,40}$/.test(ref)) {
    d.cookie = 'kestrel_ref=' + ref + '; Max-Age=' + 90 * 86400 + '; Path=/; SameSite=Lax' +
      (location.protocol === 'https:' ? '; Secure' : '');
  }
  w.kestrelReferral = { ref: ref };
})(window, document);
