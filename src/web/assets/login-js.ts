/**
 * The login page's script (/assets/login.js): `serve` prints a link ending in #token=…; the fragment
 * never reaches the server or its logs. This fills the field from it, clears it from the address bar
 * and submits.
 */
export const LOGIN_JS = `
(function () {
  var m = /^#token=([A-Za-z0-9_-]+)$/.exec(location.hash); if (!m) return;
  history.replaceState(null, '', location.pathname + location.search);
  var f = document.getElementById('login'); f.querySelector('input[name=token]').value = m[1]; f.submit();
})();
`;
