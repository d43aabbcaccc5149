// The connection of one participant to one exercise: joins with the code,
// follows the view, sends commands with visible feedback, and comes back by
// itself when the network drops.
import { Client, type Room } from "@colyseus/sdk";
import { ViewStore } from "./view-store.ts";
import type { CommandInput, OrderItemInput } from "../../shared/protocol/commands.ts";
import type { DraftMessage } from "../../shared/protocol/drafts.ts";
import type {
  CommandError,
  CommandReply,
  PatchMessage,
  PresenceMessage,
  SnapshotMessage,
} from "../../shared/protocol/messages.ts";
import type { Participant } from "../../shared/protocol/identity.ts";
import type { ParticipantView, Viewer } from "../../shared/engine/index.ts";
import { serverUrl } from "./api.ts";
import { commandRefusalText } from "./refusals.ts";
import { ScenarioLanguage } from "./scenario-language.ts";
import type { TextsReply } from "../../shared/scenario/view-texts.ts";

export type Link = "online" | "reconnecting" | "offline";

export interface Feedback {
  id: number;
  label: string;
  state: "pending" | "accepted" | "refused";
  message?: string;
}

/** A refused command: its code, and its message worded in the participant's language. */
export class CommandRefused extends Error {
  readonly code: string;
  constructor(e: CommandError) {
    super(commandRefusalText(e));
    this.code = e.code;
  }
}

export class Session {
  readonly store = new ViewStore();
  presence: Participant[] = [];
  link: Link = "online";
  private room: Room;
  private readonly client: Client;
  private readonly roomId: string;
  private readonly code: string;
  private readonly name: string;
  private nextFeedback = 1;
  private readonly linkListeners = new Set<(l: Link) => void>();
  private readonly feedbackListeners = new Set<(f: Feedback) => void>();
  private readonly presenceListeners = new Set<() => void>();
  private readonly draftListeners = new Set<(d: DraftMessage) => void>();
  private closed = false;
  private readonly texts: ScenarioLanguage;

  private constructor(client: Client, room: Room, roomId: string, code: string, name: string) {
    this.client = client;
    this.room = room;
    this.roomId = roomId;
    this.code = code;
    this.name = name;
    // scenario texts in the participant's language, for every panel, the board and the replay alike
    this.texts = new ScenarioLanguage(
      async (lang) => (await this.room.request("texts", { lang }, { timeout: 10_000 })) as TextsReply,
      () => this.store.refresh(),
    );
    this.store.localize = (v) => this.texts.localize(v);
    this.attach(room);
    // the socket may stay silent when the network goes away: check it is alive
    this.heartbeat = setInterval(() => void this.checkAlive(), 3000);
    window.addEventListener("offline", this.wentOffline);
    window.addEventListener("online", this.cameOnline);
  }

  private readonly heartbeat: ReturnType<typeof setInterval>;
  private readonly wentOffline = () => this.setLink("reconnecting");
  private readonly cameOnline = () => void this.checkAlive();

  private async checkAlive(): Promise<void> {
    if (this.closed) return;
    const alive = await Promise.race([
      this.room.request("ping").then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((r) => setTimeout(() => r(false), 6000)),
    ]);
    // the browser's own word counts too: its "offline" event is not always delivered
    if ((!alive || navigator.onLine === false) && this.link === "online") this.setLink("reconnecting");
    // while the browser itself says it is offline, the banner stays, even if the socket still answers
    if (alive && this.link === "reconnecting" && this.room.connection.isOpen && navigator.onLine !== false) {
      this.setLink("online");
      void this.resync();
    }
  }

  /** Joins an exercise with a code; rejects with the server's message if the code is wrong. */
  static async join(roomId: string, code: string, name: string): Promise<Session> {
    const client = new Client(serverUrl());
    const room = await client.joinById(roomId, { code, name });
    const s = new Session(client, room, roomId, code, name);
    await s.until(() => s.store.view !== null);
    return s;
  }

  get view(): ParticipantView {
    if (!this.store.view) throw new Error("not joined");
    return this.store.view;
  }

  /** Sends a command. Listeners see it pending, then accepted or refused with the server's reason. */
  async command(cmd: CommandInput, label: string): Promise<CommandReply> {
    const fb: Feedback = { id: this.nextFeedback++, label, state: "pending" };
    this.emitFeedback(fb);
    // while reconnecting the request is still tried: a slow answer is not a lost connection
    if (this.link === "offline") {
      const offline = new CommandRefused({
        code: "offline",
        message: "Not connected: wait for the connection to come back",
      });
      this.emitFeedback({ ...fb, state: "refused", message: offline.message });
      throw offline;
    }
    try {
      const reply = (await this.room.request("command", cmd, { timeout: 15_000 })) as CommandReply;
      this.emitFeedback({ ...fb, state: "accepted" });
      return reply;
    } catch (err) {
      const e = err as { name?: string; reason?: CommandError; message?: string };
      const error: CommandError =
        e.name === "rejected" && e.reason
          ? e.reason
          : { code: "network", message: e.message ?? "The command could not be sent" };
      const refused = new CommandRefused(error);
      this.emitFeedback({ ...fb, state: "refused", message: refused.message });
      throw refused;
    }
  }

  /**
   * A team's shared draft: without `items`, asks for it; with them, replaces it (the teammates receive it).
   * Not a command: nothing is recorded, and no other seat learns of it (shared/protocol/drafts.ts).
   */
  async draft(items?: OrderItemInput[]): Promise<DraftMessage> {
    return (await this.room.request("draft", items ? { items } : {}, { timeout: 15_000 })) as DraftMessage;
  }

  /** A teammate changed the team's draft. */
  onDraft(l: (d: DraftMessage) => void): () => void {
    this.draftListeners.add(l);
    return () => this.draftListeners.delete(l);
  }

  /** Control only: what a given participant sees right now. */
  async peek(viewer: Viewer): Promise<ParticipantView> {
    return this.texts.known((await this.room.request("peek", viewer)) as ParticipantView);
  }

  onLink(l: (link: Link) => void): () => void {
    this.linkListeners.add(l);
    return () => this.linkListeners.delete(l);
  }

  onFeedback(l: (f: Feedback) => void): () => void {
    this.feedbackListeners.add(l);
    return () => this.feedbackListeners.delete(l);
  }

  onPresence(l: () => void): () => void {
    this.presenceListeners.add(l);
    return () => this.presenceListeners.delete(l);
  }

  async leave(): Promise<void> {
    this.closed = true;
    clearInterval(this.heartbeat);
    window.removeEventListener("offline", this.wentOffline);
    window.removeEventListener("online", this.cameOnline);
    await this.room.leave().catch(() => {});
  }

  private attach(room: Room): void {
    room.onMessage("snapshot", (m: SnapshotMessage<ParticipantView>) => this.store.snapshot(m));
    room.onMessage("patch", (m: PatchMessage) => {
      if (!this.store.patch(m)) void this.resync();
    });
    room.onMessage("presence", (m: PresenceMessage) => {
      this.presence = m.participants;
      for (const l of this.presenceListeners) l();
    });
    room.onMessage("error", () => {});
    room.onMessage("draft", (d: DraftMessage) => this.draftListeners.forEach((l) => l(d)));
    room.onDrop(() => this.setLink("reconnecting"));
    room.onReconnect(() => this.setLink("online"));
    room.onLeave(() => {
      if (!this.closed) void this.rejoin();
    });
  }

  private async resync(): Promise<void> {
    try {
      this.store.snapshot((await this.room.request("sync")) as SnapshotMessage<ParticipantView>);
    } catch {
      // a reconnection will bring a snapshot
    }
  }

  /** The automatic reconnection gave up: keep trying with the seat's code. */
  private async rejoin(): Promise<void> {
    this.setLink("reconnecting");
    for (let attempt = 0; !this.closed; attempt++) {
      try {
        const room = await this.client.joinById(this.roomId, { code: this.code, name: this.name });
        this.room = room;
        this.attach(room);
        this.setLink("online");
        return;
      } catch (err) {
        const code = (err as { code?: number }).code;
        if (code === 403 || code === 401) {
          this.setLink("offline");
          return;
        }
        await new Promise((r) => setTimeout(r, Math.min(10_000, 1000 * 2 ** Math.min(attempt, 4))));
      }
    }
  }

  private setLink(l: Link): void {
    if (this.link === l) return;
    this.link = l;
    for (const f of this.linkListeners) f(l);
  }

  private emitFeedback(f: Feedback): void {
    for (const l of this.feedbackListeners) l(f);
  }

  private async until(check: () => boolean): Promise<void> {
    for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
    if (!check()) throw new Error("The exercise did not answer in time");
  }
}
