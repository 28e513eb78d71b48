/**
 * The participant page's script (/assets/participant.js): number keys 1–5 pick a choice, and the
 * submit button is disabled until one is picked. The page works without it (keyboard: Tab, arrows, Enter).
 */
export const PARTICIPANT_JS = `
(function () {
  var form = document.getElementById('answer'); if (!form) return;
  var radios = form.querySelectorAll('input[type=radio]'); var submit = form.querySelector('button[type=submit]');
  function sync() { var any = false; radios.forEach(function (r) { if (r.checked) any = true; }); submit.disabled = !any; }
  radios.forEach(function (r) { r.addEventListener('change', sync); }); sync();
  document.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    var n = parseInt(e.key, 10); if (!(n >= 1 && n <= radios.length)) return;
    var r = radios[n - 1]; r.checked = true; r.focus(); sync();
  });
  form.addEventListener('submit', function () { submit.disabled = true; });
})();
`;
