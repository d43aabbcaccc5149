// A reason the server will not start, meant for the operator: main.ts prints
// the message alone (no stack) and exits.
export class StartupRefusal extends Error {
  override readonly name = "StartupRefusal";
}
