// rewind view: steps through the log embedded in #data. No network, no libraries.
//
// Each step's state and projections arrive as an edit of the step before (see
// harness/src/view/diff.rs): a positive number keeps that many lines, a negative one drops
// that many, a string is a new line, [p, middle, s] rewrites the next line keeping its
// first p and last s characters, and lines left over are kept. The page rebuilds them,
// keeping a checkpoint every CHECKPOINT steps so a jump costs at most that many edits.
(function () {
  "use strict";

  var CHECKPOINT = 64;
  var data = JSON.parse(document.getElementById("data").textContent);
  var steps = data.steps;
  var count = steps.length;
  // The rows are the log's steps, then the drain's at the end of the run (if the replay got
  // there): the commits of the clients still in flight, then the deliveries. Each is named
  // and counted by what it is: a log of 4 steps replayed to its end with one commit in the
  // drain is "4 of 4 steps, then 1 drain commit", not "5 of 4 steps", and its last row is
  // "drain commit 1 of 1". A drain step with a client is a commit.
  var names = [];
  var drained = { "drain commit": 0, "drain delivery": 0 };
  steps.forEach(function (step, index) {
    if (!step.d) {
      names.push({ kind: "step", number: index });
      return;
    }
    var kind = step.c !== undefined ? "drain commit" : "drain delivery";
    drained[kind] += 1;
    names.push({ kind: kind, number: drained[kind] });
  });
  var logSteps = count - drained["drain commit"] - drained["drain delivery"];
  var violation = data.violation;
  // The row where the violation showed; its step counts as the log counts (the drain's
  // steps all come at the step after the log's last).
  var violationRow = data.violation_row;
  var recorded = data.recorded;
  // The row of the recorded step: a step of the log, or (past them) the end of the run.
  var recordedRow = recorded.step < logSteps ? recorded.step : count - 1;
  // The recorded step gets a note when the replay did not break there the same way (a bug
  // since fixed, a log replayed without its bug).
  var recordedApart =
    !violation || violation.invariant !== recorded.invariant || violation.step !== recorded.step;
  var current = -1;

  function $(id) {
    return document.getElementById(id);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // The lines of a text as Rust's `str::lines` gives them.
  function toLines(text) {
    var lines = text.split("\n");
    if (lines.length && lines[lines.length - 1] === "") lines.pop();
    for (var i = 0; i < lines.length; i++) {
      if (lines[i].endsWith("\r")) lines[i] = lines[i].slice(0, -1);
    }
    return lines;
  }

  function patched(line, patch) {
    return line.slice(0, patch[0]) + patch[1] + line.slice(line.length - patch[2]);
  }

  function applyEdit(lines, edit) {
    if (!edit || edit.length === 0) return lines;
    var out = [];
    var at = 0;
    for (var i = 0; i < edit.length; i++) {
      var item = edit[i];
      if (typeof item === "string") {
        out.push(item);
      } else if (Array.isArray(item)) {
        out.push(patched(lines[at], item));
        at += 1;
      } else if (item >= 0) {
        for (var k = 0; k < item; k++) out.push(lines[at + k]);
        at += item;
      } else {
        at -= item;
      }
    }
    for (; at < lines.length; at++) out.push(lines[at]);
    return out;
  }

  // The edit as a line diff: [tag, line] with tag " ", "-" or "+".
  function diffOf(lines, edit) {
    var out = [];
    var at = 0;
    var i, k;
    edit = edit || [];
    for (i = 0; i < edit.length; i++) {
      var item = edit[i];
      if (typeof item === "string") {
        out.push(["+", item]);
      } else if (Array.isArray(item)) {
        out.push(["-", lines[at]]);
        out.push(["+", patched(lines[at], item)]);
        at += 1;
      } else if (item >= 0) {
        for (k = 0; k < item; k++) out.push([" ", lines[at + k]]);
        at += item;
      } else {
        for (k = 0; k < -item; k++) out.push(["-", lines[at + k]]);
        at -= item;
      }
    }
    for (; at < lines.length; at++) out.push([" ", lines[at]]);
    return out;
  }

  // Texts at step -1 (the initial state) and every CHECKPOINT-th step, plus a few recent.
  var checkpoints = new Map();
  var recent = new Map();
  // A domain without projections has none to show (null), and no pane for them.
  var keepsProjections = data.initial.projections !== null;
  checkpoints.set(-1, {
    state: toLines(data.initial.state),
    projections: keepsProjections ? toLines(data.initial.projections) : [],
  });

  function textsAt(step) {
    if (checkpoints.has(step)) return checkpoints.get(step);
    if (recent.has(step)) return recent.get(step);
    var from = step - 1;
    while (!checkpoints.has(from) && !recent.has(from)) from--;
    var texts = checkpoints.get(from) || recent.get(from);
    for (var s = from + 1; s <= step; s++) {
      texts = {
        state: applyEdit(texts.state, steps[s].s),
        projections: applyEdit(texts.projections, steps[s].p),
      };
      if (s % CHECKPOINT === 0) checkpoints.set(s, texts);
    }
    recent.set(step, texts);
    if (recent.size > 8) recent.delete(recent.keys().next().value);
    return texts;
  }

  function fillPre(pre, entries, emptyText) {
    pre.textContent = "";
    if (entries.length === 0) {
      pre.appendChild(el("span", "l empty", emptyText));
      return;
    }
    var fragment = document.createDocumentFragment();
    entries.forEach(function (entry) {
      var cls = entry[0] === "+" ? "l add" : entry[0] === "-" ? "l del" : "l";
      fragment.appendChild(el("span", cls, entry[0] + " " + entry[1]));
    });
    pre.appendChild(fragment);
  }

  // The messages waiting in the outbox after each step, one to a line, rebuilt once: every
  // row of the timeline names them.
  var waiting = [];
  (function () {
    var lines = toLines(data.initial.waiting);
    steps.forEach(function (step) {
      lines = applyEdit(lines, step.w);
      waiting.push(lines);
    });
  })();

  // "waiting: A, B" as the trace writes it (world::waiting_line): the first WAITING_SHOWN
  // messages, then how many more; null when nothing waits.
  var WAITING_SHOWN = 8;
  function waitingText(index) {
    var messages = waiting[index];
    if (!messages || messages.length === 0) return null;
    var text = "waiting: " + messages.slice(0, WAITING_SHOWN).join(", ");
    var more = messages.length - WAITING_SHOWN;
    return more > 0 ? text + " and " + more + " more" : text;
  }

  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : many);
  }

  // How a row is named: "step 3", "drain commit 1" or "drain delivery 1".
  function stepName(index) {
    return names[index].kind + " " + names[index].number;
  }

  // How many rows are named like `index`'s: the log's steps, or the drain's of its kind.
  function countOf(index) {
    var kind = names[index].kind;
    return kind === "step" ? data.actions : drained[kind];
  }

  function brokeText(v) {
    return "✗ `" + v.invariant + "` broke at step " + v.step + ": " + v.message;
  }

  // The header: what the log is and how to run it again.
  function header() {
    $("domain").textContent = data.domain;
    $("file").textContent = data.file;
    var facts = $("facts");
    [
      ["seed", data.seed],
      ["config", data.config === null ? "default" : data.config],
      ["planted bug", data.bug ? data.bug.name + " — " + data.bug.effect : "none"],
      ["found by", data.found_by],
      ["recorded", "`" + recorded.invariant + "` broke at step " + recorded.step + ": " + recorded.message],
      ["replayed", replayedText()],
    ].forEach(function (fact) {
      facts.appendChild(el("dt", "", fact[0]));
      facts.appendChild(el("dd", "", fact[1]));
    });
    $("rerun").textContent = data.rerun;
    $("copy").addEventListener("click", copyRerun);
  }

  // The drain's rows by kind, in the order it takes them: "1 drain commit and 2 drain
  // deliveries".
  function drainText() {
    return [
      ["drain commit", "drain commits"],
      ["drain delivery", "drain deliveries"],
    ]
      .filter(function (kind) {
        return drained[kind[0]] > 0;
      })
      .map(function (kind) {
        return plural(drained[kind[0]], kind[0], kind[1]);
      })
      .join(" and ");
  }

  function replayedText() {
    var replayed = logSteps + " of " + plural(data.actions, "step", "steps");
    if (count > logSteps) replayed += ", then " + drainText();
    if (!violation) return replayed + " · no invariant broke";
    var same = violation.invariant === data.recorded.invariant && violation.step === data.recorded.step;
    return replayed + " · " + brokeText(violation).slice(2) + (same ? " (as recorded)" : " (not as recorded)");
  }

  function recordedText() {
    return (
      "recorded here: `" + recorded.invariant + "` broke: " + recorded.message +
      (violation ? "; the replay broke elsewhere" : "; the replay breaks nothing now")
    );
  }

  function copyRerun() {
    var text = data.rerun;
    var done = function () {
      $("copied").textContent = "copied";
    };
    var fallback = function () {
      var range = document.createRange();
      range.selectNodeContents($("rerun"));
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      var copied = false;
      try {
        copied = document.execCommand("copy");
      } catch (e) {
        copied = false;
      }
      $("copied").textContent = copied ? "copied" : "selected: press Ctrl+C (⌘C) to copy";
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, fallback);
    } else {
      fallback();
    }
  }

  // The concurrent clients the log has, lowest first: a lane each in the timeline, so a
  // client that appears nowhere takes no room.
  var lanes = [];
  steps.forEach(function (step) {
    if (step.c !== undefined && lanes.indexOf(step.c) < 0) lanes.push(step.c);
  });
  lanes.sort(function (a, b) {
    return a - b;
  });

  // What a client's step came to (`m`, see `Mark` in harness/src/view/mod.rs): its glyph in
  // the client's lane, its name in the legend, and what it says of the step.
  var MARKS = {
    begin: {
      glyph: "○",
      name: "begins",
      says: "decided on the state as it is; nothing lands until its commit",
    },
    landed: { glyph: "●", name: "lands", says: "the commit lands" },
    conflict: {
      glyph: "✕",
      name: "refused by a conflict",
      says: "a conflict refuses the commit",
    },
    again: {
      glyph: "↻",
      name: "decides again",
      says: "a conflict: the client decides again, still in flight",
    },
    refused: { glyph: "⊘", name: "refused", says: "refused" },
  };

  // A step as the timeline and the detail name it: a commit with the command it commits.
  function actionText(step) {
    return step.k === undefined ? step.a : step.a + " " + step.k;
  }

  // What a client did at a step: "client 1 commits Spend { .. }: the commit lands".
  function clientText(step) {
    return actionText(step) + ": " + MARKS[step.m].says;
  }

  // Whether `client` has a command in flight after row `index` (none before the first).
  function inFlight(index, client) {
    return index >= 0 && (steps[index].f || []).indexOf(client) >= 0;
  }

  // A mark a screen reader reads and a pointer names.
  function labelled(node, text) {
    node.title = text;
    node.setAttribute("role", "img");
    node.setAttribute("aria-label", text);
    return node;
  }

  // Row `index`'s cell of `client`'s lane: the client's mark where it acted, with a line
  // to the rows before and after while its command is in flight; a line through the rows
  // between its begin and its commit; else nothing.
  function laneCell(index, client) {
    var step = steps[index];
    var before = inFlight(index - 1, client);
    var after = inFlight(index, client);
    if (step.c === client) {
      var mark = el("span", "lane mark-" + step.m, MARKS[step.m].glyph);
      if (before) mark.classList.add("up");
      if (after) mark.classList.add("down");
      return labelled(mark, clientText(step));
    }
    if (before && after) {
      return labelled(el("span", "lane flight"), "client " + client + ": a command in flight");
    }
    var empty = el("span", "lane");
    empty.setAttribute("aria-hidden", "true");
    return empty;
  }

  function laneCells(index) {
    var cells = el("span", "lanes");
    lanes.forEach(function (client) {
      cells.appendChild(laneCell(index, client));
    });
    return cells;
  }

  // The lanes' heading, kept above the rows: each lane's client, and what the marks mean.
  function lanesHead() {
    var head = el("div", "lanes-head");
    head.id = "lanes-head";
    head.appendChild(el("span", "n", "client"));
    var cells = el("span", "lanes");
    lanes.forEach(function (client) {
      cells.appendChild(labelled(el("span", "lane", String(client)), "client " + client));
    });
    head.appendChild(cells);
    var legend = Object.keys(MARKS).map(function (key) {
      return MARKS[key].glyph + " " + MARKS[key].name;
    });
    // The line a command draws from its begin to its commit, named after the begin.
    legend.splice(1, 0, "│ in flight");
    var named = lanes.map(function (client) {
      return "client " + client;
    });
    var text = "lanes: " + named.join(", ") + " · " + legend.join(" · ");
    head.appendChild(el("span", "legend", text));
    return head;
  }

  function stepBody(row, step, index) {
    var what = el("div", "what");
    what.appendChild(el("div", "action", actionText(step)));
    if (step.r !== undefined) {
      what.appendChild(el("div", "refused", "refused: " + step.r));
    } else {
      (step.e || []).forEach(function (event) {
        what.appendChild(el("div", "event", event));
      });
    }
    if (waitingText(index)) what.appendChild(el("div", "waiting", waitingText(index)));
    if (violationRow === index) {
      what.appendChild(el("div", "broke", brokeText(violation)));
    }
    if (recordedApart && recordedRow === index) {
      what.appendChild(el("div", "recorded", recordedText()));
    }
    row.appendChild(what);
  }

  function timeline() {
    var rows = $("rows");
    var fragment = document.createDocumentFragment();
    steps.forEach(function (step, index) {
      var row = el("li", "row");
      row.id = "row-" + index;
      row.dataset.step = index;
      if (violationRow === index) row.classList.add("violating");
      row.appendChild(el("span", "n", step.d ? "drain" : String(index)));
      if (lanes.length) row.appendChild(laneCells(index));
      stepBody(row, step, index);
      fragment.appendChild(row);
    });
    rows.appendChild(fragment);
    if (lanes.length) {
      $("timeline").classList.add("laned");
      $("timeline").insertBefore(lanesHead(), rows);
    }
    rows.addEventListener("click", function (event) {
      var row = event.target.closest(".row");
      if (row) go(Number(row.dataset.step));
    });
  }

  function show(index) {
    var step = steps[index];
    var before = textsAt(index - 1);

    var box = $("step-violation");
    if (violationRow === index) {
      box.textContent = brokeText(violation);
      box.hidden = false;
    } else {
      box.textContent = "";
      box.hidden = true;
    }

    var note = $("step-recorded");
    note.hidden = !(recordedApart && recordedRow === index);
    note.textContent = note.hidden ? "" : recordedText();

    var action = $("step-action");
    action.textContent = "";
    action.appendChild(el("div", "action", stepName(index) + "  " + actionText(step)));
    if (step.c !== undefined) {
      action.appendChild(el("div", "client", MARKS[step.m].glyph + " " + MARKS[step.m].says));
    }
    if (step.r !== undefined) {
      action.appendChild(el("div", "refused", "refused: " + step.r));
    } else if (!step.e || step.e.length === 0) {
      action.appendChild(el("div", "refused", "no events"));
    } else {
      step.e.forEach(function (event) {
        action.appendChild(el("div", "event", event));
      });
    }
    if (waitingText(index)) action.appendChild(el("div", "waiting", waitingText(index)));

    var diff = diffOf(before.state, step.s);
    var after = textsAt(index);
    $("state-step").textContent = stepName(index);
    fillPre(
      $("state"),
      diff.filter(function (entry) {
        return entry[0] !== "-";
      }),
      "(empty)"
    );
    $("diff-title").textContent =
      index === 0 ? "changes from the initial state" : "changes from " + stepName(index - 1);
    fillPre($("diff"), rewindOutline.changesOf(before.state, after.state, step.s), "no change");
    $("projections-step").textContent = stepName(index);
    fillPre(
      $("projections"),
      diffOf(before.projections, step.p).filter(function (entry) {
        return entry[0] !== "-";
      }),
      "(none)"
    );
  }

  function go(index) {
    if (count === 0) return;
    index = Math.max(0, Math.min(count - 1, Math.floor(Number(index) || 0)));
    if (index === current) return;
    var old = $("row-" + current);
    if (old) old.classList.remove("selected");
    current = index;
    var row = $("row-" + index);
    row.classList.add("selected");
    if (row.scrollIntoView) row.scrollIntoView({ block: "nearest" });
    // Counted as the rows are named: step i of the log's steps, or the drain's k-th commit
    // or delivery.
    $("step-kind").textContent = names[index].kind;
    $("step-number").textContent = String(names[index].number);
    $("step-count").textContent = String(countOf(index));
    document.body.dataset.step = String(index);
    $("scrub").value = String(index);
    show(index);
    var fragment = "#step=" + index;
    if (location.hash !== fragment) {
      try {
        history.replaceState(null, "", fragment);
      } catch (e) {
        location.hash = fragment;
      }
    }
  }

  function onKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    var to;
    switch (event.key) {
      case "ArrowLeft":
        to = current - 1;
        break;
      case "ArrowRight":
        to = current + 1;
        break;
      case "Home":
        to = 0;
        break;
      case "End":
        to = count - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    go(to);
  }

  // `#step=N` selects step N; `&press=ArrowRight*2,End` then presses those keys, as real
  // keydown events through the page's own handler (the browser test's hook).
  function fromFragment(pressKeys) {
    var params = {};
    location.hash
      .replace(/^#/, "")
      .split("&")
      .forEach(function (pair) {
        var at = pair.indexOf("=");
        if (at > 0) params[pair.slice(0, at)] = decodeURIComponent(pair.slice(at + 1));
      });
    var wanted = 0;
    if (params.step !== undefined && /^\d+$/.test(params.step)) wanted = Number(params.step);
    go(wanted);
    if (pressKeys && params.press) {
      params.press.split(",").forEach(function (press) {
        var parts = press.split("*");
        var times = parts.length > 1 ? Number(parts[1]) || 0 : 1;
        for (var i = 0; i < times; i++) {
          document.dispatchEvent(
            new KeyboardEvent("keydown", { key: parts[0], bubbles: true, cancelable: true })
          );
        }
      });
    }
  }

  header();
  $("projections-pane").hidden = !keepsProjections;
  $("step-count").textContent = String(data.actions);
  if (count === 0) {
    $("step-action").appendChild(el("div", "note", "The log has no steps."));
    return;
  }
  timeline();
  var scrub = $("scrub");
  scrub.max = String(count - 1);
  scrub.addEventListener("input", function () {
    go(scrub.value);
  });
  $("first").addEventListener("click", function () {
    go(0);
  });
  $("prev").addEventListener("click", function () {
    go(current - 1);
  });
  $("next").addEventListener("click", function () {
    go(current + 1);
  });
  $("last").addEventListener("click", function () {
    go(count - 1);
  });
  if (violation) {
    var jump = $("to-violation");
    jump.hidden = false;
    jump.addEventListener("click", function () {
      go(violationRow);
    });
  }
  document.addEventListener("keydown", onKey);
  window.addEventListener("hashchange", function () {
    fromFragment(false);
  });
  fromFragment(true);
})();
