// gaitform serve: drag and drop with folders, upload progress, live job progress. The pages work without it.
(function () {
  'use strict';
  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var csrf = csrfMeta ? csrfMeta.getAttribute('content') : '';

  function $(id) { return document.getElementById(id); }

  // ---------------------------------------------------------------- upload page
  var form = $('upload-form');
  if (form) {
    var picked = [];          // {file, path}
    var chosen = $('chosen');
    var status = $('upload-status');
    var bar = $('upload-progress');
    var folderPick = document.querySelector('.folder-pick');
    if (folderPick && 'webkitdirectory' in document.createElement('input')) { folderPick.hidden = false; }

    function show() {
      chosen.textContent = '';
      picked.slice(0, 200).forEach(function (p) {
        var li = document.createElement('li');
        li.textContent = p.path + ' (' + Math.max(1, Math.round(p.file.size / 1024)) + ' KB)';
        chosen.appendChild(li);
      });
      if (picked.length > 200) {
        var more = document.createElement('li');
        more.textContent = '… and ' + (picked.length - 200) + ' more';
        chosen.appendChild(more);
      }
      status.textContent = picked.length ? picked.length + ' file(s) ready to upload.' : '';
    }
    function addFiles(list) {
      for (var i = 0; i < list.length; i++) {
        picked.push({ file: list[i], path: list[i].webkitRelativePath || list[i].name });
      }
      show();
    }
    $('files').addEventListener('change', function (e) { picked = []; addFiles(e.target.files); });
    var folder = $('folder');
    if (folder) { folder.addEventListener('change', function (e) { addFiles(e.target.files); }); }

    function readEntry(entry, prefix, out) {
      return new Promise(function (resolve) {
        if (entry.isFile) {
          entry.file(function (f) { out.push({ file: f, path: prefix + f.name }); resolve(); }, function () { resolve(); });
        } else if (entry.isDirectory) {
          var reader = entry.createReader();
          var all = [];
          (function next() {
            reader.readEntries(function (batch) {
              if (!batch.length) {
                Promise.all(all.map(function (c) { return readEntry(c, prefix + entry.name + '/', out); })).then(resolve);
              } else { all = all.concat(Array.prototype.slice.call(batch)); next(); }
            }, function () { resolve(); });
          })();
        } else { resolve(); }
      });
    }
    var drop = $('drop');
    ['dragenter', 'dragover'].forEach(function (t) {
      drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.add('over'); });
    });
    ['dragleave', 'drop'].forEach(function (t) {
      drop.addEventListener(t, function () { drop.classList.remove('over'); });
    });
    drop.addEventListener('drop', function (e) {
      e.preventDefault();
      var items = e.dataTransfer.items;
      if (items && items.length && items[0].webkitGetAsEntry) {
        var out = [];
        var entries = [];
        for (var i = 0; i < items.length; i++) {
          var en = items[i].webkitGetAsEntry();
          if (en) { entries.push(en); }
        }
        Promise.all(entries.map(function (en) { return readEntry(en, '', out); })).then(function () {
          picked = picked.concat(out); show();
        });
      } else { addFiles(e.dataTransfer.files); }
    });

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      if (!picked.length) { status.textContent = 'Choose or drop files first.'; return; }
      var fd = new FormData();
      var paths = [];
      picked.forEach(function (p) { fd.append('files', p.file, p.path); paths.push(p.path); });
      fd.append('paths', paths.join('\n'));
      Array.prototype.forEach.call(form.querySelectorAll('details input, details select'), function (el) {
        if (el.value) { fd.append(el.name, el.value); }
      });
      var xhr = new XMLHttpRequest();
      xhr.open('POST', '/upload');
      xhr.setRequestHeader('X-CSRF-Token', csrf);
      xhr.setRequestHeader('Accept', 'application/json');
      bar.hidden = false;
      $('send').disabled = true;
      status.textContent = 'Uploading…';
      xhr.upload.onprogress = function (ev) {
        if (ev.lengthComputable) {
          bar.value = Math.round(100 * ev.loaded / ev.total);
          status.textContent = 'Uploading: ' + bar.value + ' %';
        }
      };
      xhr.onload = function () {
        var body = {};
        try { body = JSON.parse(xhr.responseText); } catch (err) { body = {}; }
        if (xhr.status === 202 && body.url) {
          status.textContent = 'Uploaded. Opening the progress page…';
          window.location.assign(body.url);
        } else {
          $('send').disabled = false;
          bar.hidden = true;
          var wait = xhr.getResponseHeader('Retry-After');
          status.textContent = (body.error || ('The upload failed (HTTP ' + xhr.status + ').'))
            + (wait ? ' Try again in ' + wait + ' s.' : '');
          status.className = 'status error-message';
        }
      };
      xhr.onerror = function () {
        $('send').disabled = false;
        status.textContent = 'The upload failed: the connection was lost.';
        status.className = 'status error-message';
      };
      xhr.send(fd);
    });
  }

  // ---------------------------------------------------------------- job page
  var job = $('job');
  if (job && (job.dataset.state === 'queued' || job.dataset.state === 'running')) {
    var id = job.dataset.job;
    var words = { ok: 'done', failed: 'failed', analysing: 'analysing', pending: 'waiting' };
    var poll = function () {
      fetch('/api/jobs/' + encodeURIComponent(id), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (s) {
          if (!s) { setTimeout(poll, 3000); return; }
          if (s.state === 'done' || s.state === 'failed') { window.location.reload(); return; }
          $('job-status').textContent = s.status;
          var list = $('inputs');
          list.textContent = '';
          s.inputs.forEach(function (i) {
            var li = document.createElement('li');
            li.setAttribute('data-input', i.name);
            li.setAttribute('data-status', i.status);
            var b = document.createElement('span');
            b.className = 'badge b-' + i.status;
            b.textContent = words[i.status] || i.status;
            var n = document.createElement('span');
            n.className = 'name';
            n.textContent = ' ' + i.name;
            li.appendChild(b); li.appendChild(n);
            if (i.message) {
              var m = document.createElement('span');
              m.className = i.status === 'failed' ? 'message error-message' : 'message';
              m.textContent = i.message;
              li.appendChild(m);
            }
            list.appendChild(li);
          });
          setTimeout(poll, 1000);
        })
        .catch(function () { setTimeout(poll, 3000); });
    };
    setTimeout(poll, 700);
  }

  // ---------------------------------------------------------------- delete confirmation
  Array.prototype.forEach.call(document.querySelectorAll('form[action$="/delete"]'), function (f) {
    f.addEventListener('submit', function (e) {
      if (!window.confirm('Delete this upload and its results now? This cannot be undone.')) { e.preventDefault(); }
    });
  });
})();
