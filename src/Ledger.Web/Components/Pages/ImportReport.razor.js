// A pasted report can be far larger than one message of the Blazor circuit (32 KB): returned as bytes, it reaches
// the server as a stream of chunks (IJSStreamReference), whatever its length.
export function pastedText(box) {
    return new TextEncoder().encode(box.value);
}
