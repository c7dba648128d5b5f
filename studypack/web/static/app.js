// A little help on top of pages that work without it: the build page follows
// its job without reloading, and the bank's rows can be ticked by clicking them.
(function () {
  var job = document.querySelector(".job[data-state='running'], .job[data-state='queued']");
  if (job) {
    var meta = document.querySelector("meta[http-equiv='refresh']");
    if (meta) meta.remove();
    var poll = function () {
      fetch(job.dataset.url).then(function (r) { return r.json(); }).then(function (s) {
        if (s.state === "done" || s.state === "failed") { location.reload(); return; }
        var bar = job.querySelector("progress"), text = job.querySelector(".state");
        if (s.total) { bar.max = s.total; bar.value = s.done;
          text.textContent = "Laying out: " + s.done + " of " + s.total + " questions"; }
        setTimeout(poll, 400);
      }).catch(function () { setTimeout(poll, 1000); });
    };
    setTimeout(poll, 300);
  }
  document.querySelectorAll("table.bank tbody tr").forEach(function (row) {
    row.addEventListener("click", function (e) {
      if (e.target.closest("a, input, button")) return;
      var box = row.querySelector("input[type=checkbox]:not([disabled])");
      if (box) box.checked = !box.checked;
    });
  });
})();
// The pack file's name follows the title until someone types a name of their own.
(function () {
  var title = document.querySelector(".options input[name=title]");
  var file = document.querySelector(".options input[name=file]");
  if (!title || !file) return;
  var typed = file.value !== "study-pack" && file.value !== slug(title.value);
  function slug(t) { return (t.toLowerCase().match(/[a-z0-9]+/g) || ["pack"]).join("-").slice(0, 60); }
  file.addEventListener("input", function () { typed = true; });
  title.addEventListener("input", function () { if (!typed) file.value = slug(title.value); });
})();
