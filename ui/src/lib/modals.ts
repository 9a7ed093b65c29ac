// Which dialog is on top: Esc closes that one only, wherever the focus happens to be.
const stack: symbol[] = [];

export function opened(): symbol {
  const id = Symbol('modal');
  stack.push(id);
  return id;
}

export function closed(id: symbol): void {
  const at = stack.indexOf(id);
  if (at >= 0) stack.splice(at, 1);
}

export function isTop(id: symbol): boolean {
  return stack[stack.length - 1] === id;
}
