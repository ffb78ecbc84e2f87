import type {
  AllMiddlewareArgs,
  AnyMiddlewareArgs,
  App,
  BlockAction,
  SlackAction,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackShortcut,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import type { Listener, ListenerContext, RapportContext } from './rapport-context.js';

/** Listener middleware and, last, the listener: each reads from context what the ones before put there. */
export type Chain<Args, C extends RapportContext = ListenerContext> = Listener<Args, C>[];

type Args = AnyMiddlewareArgs & AllMiddlewareArgs<RapportContext>;
type Step = (args: Args) => Promise<void>;

/** Runs a chain as Bolt runs a listener's: each step gets the arguments and a `next` to the following one. */
export async function runChain(chain: readonly Step[], args: Args): Promise<void> {
  const step = async (index: number): Promise<void> => {
    const listener = chain[index];
    if (listener !== undefined) await listener({ ...args, next: () => step(index + 1) });
  };
  await step(0);
}

const erase = <A, C extends RapportContext>(chain: Chain<A, C>): Step[] => chain as unknown as Step[];

/**
 * Every Rapport listener, routed by its key (action id, callback id, event type, command) behind one Bolt
 * listener per kind of request. Bolt runs every request through the matchers of every listener it holds,
 * each an async chain of its own: with about 70 listeners that fan-out was the largest part of the CPU a
 * request cost (bench:ack). A key is registered once; a request that matches none is left unacknowledged
 * for TracedApp to answer.
 */
export class Listeners {
  readonly #actions = new Map<string, { blockId: string | null; chain: Step[] }[]>();
  readonly #views = new Map<string, Step[]>();
  readonly #shortcuts = new Map<string, Step[]>();
  readonly #events = new Map<string, Step[]>();
  readonly #commands = new Map<string, Step[]>();

  /** A block action by its action id, or by action id and block id (inputs that share an action id). */
  action<A extends SlackAction = BlockAction, C extends RapportContext = ListenerContext>(
    key: string | { action_id: string; block_id: string },
    ...chain: Chain<SlackActionMiddlewareArgs<A>, C>
  ): void {
    const [actionId, blockId] = typeof key === 'string' ? [key, null] : [key.action_id, key.block_id];
    const routes = this.#actions.get(actionId) ?? [];
    if (routes.some((route) => route.blockId === null || blockId === null || route.blockId === blockId))
      throw new Error(`action ${actionId} is already routed`);
    routes.push({ blockId, chain: erase(chain) });
    this.#actions.set(actionId, routes);
  }

  /** A form's submission, by the view's callback id. */
  view<C extends RapportContext = ListenerContext>(
    callbackId: string,
    ...chain: Chain<SlackViewMiddlewareArgs<ViewSubmitAction>, C>
  ): void {
    add(this.#views, 'view', callbackId, erase(chain));
  }

  shortcut<S extends SlackShortcut = SlackShortcut, C extends RapportContext = ListenerContext>(
    callbackId: string,
    ...chain: Chain<SlackShortcutMiddlewareArgs<S>, C>
  ): void {
    add(this.#shortcuts, 'shortcut', callbackId, erase(chain));
  }

  event<E extends string, C extends RapportContext = ListenerContext>(
    type: E,
    ...chain: Chain<SlackEventMiddlewareArgs<E>, C>
  ): void {
    add(this.#events, 'event', type, erase(chain));
  }

  command<C extends RapportContext = ListenerContext>(
    name: string,
    ...chain: Chain<SlackCommandMiddlewareArgs, C>
  ): void {
    add(this.#commands, 'command', name, erase(chain));
  }

  /** One Bolt listener per kind of request, each finding its chain by key. */
  mountOn(app: App): void {
    const dispatch =
      (chainOf: (args: Args) => readonly Step[] | undefined) =>
      async (args: AnyMiddlewareArgs & AllMiddlewareArgs) => {
        const routed = args as Args;
        const chain = chainOf(routed);
        if (chain !== undefined) await runChain(chain, routed);
      };
    const everything = /^/;
    app.action(
      everything,
      dispatch(({ payload }) => {
        if (!('action_id' in payload)) return undefined;
        const blockId = 'block_id' in payload ? payload.block_id : undefined;
        return this.#actions
          .get(payload.action_id)
          ?.find((route) => route.blockId === null || route.blockId === blockId)?.chain;
      }),
    );
    app.view(
      everything,
      dispatch(({ body }) => ('view' in body ? this.#views.get(body.view.callback_id) : undefined)),
    );
    app.shortcut(
      everything,
      dispatch(({ body }) => ('callback_id' in body ? this.#shortcuts.get(body.callback_id) : undefined)),
    );
    app.event(
      everything,
      dispatch(({ body }) => ('event' in body ? this.#events.get(body.event.type) : undefined)),
    );
    for (const name of this.#commands.keys())
      app.command(
        name,
        dispatch(() => this.#commands.get(name)),
      );
  }
}

function add(routes: Map<string, Step[]>, kind: string, key: string, chain: Step[]): void {
  if (routes.has(key)) throw new Error(`${kind} ${key} is already routed`);
  routes.set(key, chain);
}
