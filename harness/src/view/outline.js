// rewind view: where each line of a state sits, so the page's diff names the field of each
// changed line (`- accounts[2].balance: 0`). The reading of harness/src/outline/, line for
// line, so the page names the same fields as `replay --diff`; the browser test compares them.
var rewindOutline = (function () {
  "use strict";

  // Separates a header from the line under it in a domain's own text.
  var UNDER = " \u203a ";

  function labelText(label) {
    return label.path === "" ? label.value : label.path + ": " + label.value;
  }

  // `path` followed by `step`; a field at the top has no leading dot.
  function joinPath(path, step) {
    return path === "" && step.charAt(0) === "." ? step.slice(1) : path + step;
  }

  // `key: value` split at its first ": " outside quotes and brackets, or null.
  function splitEntry(content) {
    var depth = 0;
    var quote = null;
    var escaped = false;
    for (var at = 0; at < content.length; at++) {
      var c = content.charAt(at);
      if (quote !== null) {
        if (escaped) escaped = false;
        else if (c === "\\") escaped = true;
        else if (c === quote) quote = null;
      } else if (c === '"' || c === "'") {
        quote = c;
      } else if (c === "(" || c === "[" || c === "{") {
        depth += 1;
      } else if (c === ")" || c === "]" || c === "}") {
        depth = Math.max(0, depth - 1);
      } else if (c === ":" && depth === 0 && content.charAt(at + 1) === " ") {
        return [content.slice(0, at), content.slice(at + 2)];
      }
    }
    return null;
  }

  // What the block a value opens holds: "fields", "entries", "elements", "positions" (.0,
  // .1) or "wrapped" (Some, which adds no step); null when it opens none.
  function opens(value) {
    if (value === "{") return "entries";
    if (value.endsWith(" {")) return "fields";
    if (value === "[") return "elements";
    if (value === "Some(") return "wrapped";
    if (value.endsWith("(")) return "positions";
    return null;
  }

  // The step into `block` one line inside it takes, and its value; null when it cannot.
  function stepIn(block, content) {
    var entry;
    switch (block.holds) {
      case "fields":
        entry = splitEntry(content);
        if (!entry || !/^[\p{L}\p{N}_#]+$/u.test(entry[0])) return null;
        return ["." + entry[0], entry[1]];
      case "elements":
        return ["[" + block.next++ + "]", content];
      case "positions":
        return ["." + block.next++, content];
      case "wrapped":
        return ["", content];
      default:
        entry = splitEntry(content);
        return entry ? ["[" + entry[0] + "]", entry[1]] : ["", content];
    }
  }

  // A tuple of one field adds no step: its lines lose the ".0".
  function unwrapNewtype(block, labels) {
    var inner = joinPath(block.path, ".0");
    for (var i = block.first; i < labels.length; i++) {
      var label = labels[i];
      if (!label || !label.path.startsWith(inner)) continue;
      var rest = label.path.slice(inner.length);
      if (rest !== "" && rest.charAt(0) !== "." && rest.charAt(0) !== "[") continue;
      label.path = joinPath(block.path, rest);
    }
  }

  // The labels of a pretty {:#?} rendering (null for a closing line), or null when the
  // lines are not one.
  function debugLabels(lines) {
    var open = [];
    var labels = [];
    var closed = false;
    for (var i = 0; i < lines.length; i++) {
      var line = lines[i];
      var content = line.replace(/^ +/, "");
      var indent = line.length - content.length;
      if (closed || content === "" || indent % 4 !== 0) return null;
      var first = content.charAt(0);
      if (first === "}" || first === "]" || first === ")") {
        var block = open.pop();
        if (!block) return null;
        var rest = content.slice(1);
        var fits =
          block.holds === "fields" || block.holds === "entries"
            ? first === "}"
            : block.holds === "elements"
              ? first === "]"
              : first === ")";
        if (!fits || indent !== 4 * open.length || (rest !== "" && rest !== ",")) return null;
        if (block.holds === "positions" && block.next === 1) unwrapNewtype(block, labels);
        closed = open.length === 0;
        labels.push(null);
        continue;
      }
      if (indent !== 4 * open.length || (open.length === 0 && labels.length > 0)) return null;
      var path = "";
      var value = content;
      if (open.length > 0) {
        var top = open[open.length - 1];
        var step = stepIn(top, content);
        if (!step) return null;
        path = joinPath(top.path, step[0]);
        value = step[1];
      }
      if (value.endsWith(",")) value = value.slice(0, -1);
      var holds = opens(value);
      if (holds) open.push({ path: path, holds: holds, next: 0, first: labels.length + 1 });
      else if (open.length === 0) return null;
      labels.push({ path: path, value: value });
    }
    return open.length === 0 ? labels : null;
  }

  // The labels of a domain's own text: an indented line under its header.
  function headerLabels(lines) {
    function indentOf(line) {
      return line.length - line.trimStart().length;
    }
    return lines.map(function (line, at) {
      var own = indentOf(line);
      for (var k = at - 1; own > 0 && k >= 0; k--) {
        if (lines[k].trim() !== "" && indentOf(lines[k]) < own) {
          return { path: "", value: lines[k].trim() + UNDER + line.trim() };
        }
      }
      return { path: "", value: line.trimEnd() };
    });
  }

  function outline(lines) {
    var labels = debugLabels(lines);
    return labels ? { labels: labels, byPath: true } : { labels: headerLabels(lines), byPath: false };
  }

  // One hunk's removed and added lines in the order they are printed: each removed line
  // beside the added line of the same path ({:#?}), or of the same rank (a domain's text).
  function paired(removed, added, byPath) {
    var out = [];
    var i = 0;
    var j = 0;
    function later(path) {
      for (var k = j; k < added.length; k++) if (added[k].path === path) return true;
      return false;
    }
    while (i < removed.length || j < added.length) {
      var old = i < removed.length ? removed[i] : null;
      var now = j < added.length ? added[j] : null;
      if (old && now && (!byPath || old.path === now.path)) {
        out.push(["-", old], ["+", now]);
        i += 1;
        j += 1;
      } else if (old && now && later(old.path)) {
        out.push(["+", now]);
        j += 1;
      } else if (old) {
        out.push(["-", old]);
        i += 1;
      } else {
        out.push(["+", now]);
        j += 1;
      }
    }
    return out;
  }

  // The changed lines of an edit, each named by its label: [sign, text].
  function changesOf(before, after, edit) {
    var was = outline(before);
    var is = outline(after);
    var byPath = was.byPath && is.byPath;
    var out = [];
    var removed = [];
    var added = [];
    var at = 0;
    var made = 0;
    function flush() {
      paired(removed, added, byPath).forEach(function (change) {
        out.push([change[0], labelText(change[1])]);
      });
      removed = [];
      added = [];
    }
    function take(list, labels, index) {
      if (labels[index]) list.push(labels[index]);
    }
    (edit || []).forEach(function (item) {
      if (typeof item === "string") {
        take(added, is.labels, made);
        made += 1;
      } else if (Array.isArray(item)) {
        take(removed, was.labels, at);
        take(added, is.labels, made);
        at += 1;
        made += 1;
      } else if (item >= 0) {
        flush();
        at += item;
        made += item;
      } else {
        for (var k = 0; k < -item; k++) take(removed, was.labels, at + k);
        at -= item;
      }
    });
    flush();
    return out;
  }

  return { changesOf: changesOf };
})();
