export function show(element, userComment) {
  element.innerHTML = userComment;
  element.innerHTML = '<b>static</b>';
}
