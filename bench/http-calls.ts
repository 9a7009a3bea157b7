// HTTP calls per operation, counted on the sandbox servers (requests the Codat server answered,
// GraphQL operations the Blue server received) while each operation runs through core's runtime.
import type { AppLike } from '../sandbox/app-runner.js';
import { startSandbox, type Sandbox } from '../sandbox/round-trip.js';
import { looksLikeBlueId } from '../blue/project-ref.js';
import { DEMO } from '../sandbox/seed.js';
import { HOOKS, signedDelivery } from './payloads.js';

export interface CallCount {
  operation: string;
  expected: number;
  actual: number;
  /** What was called, e.g. "codat GET /api/v1/app/x/endpoint", "blue ZapierListTodoLists". */
  calls: string[];
  error?: string;
}

function snapshot(sb: Sandbox): { codat: number; blue: number } {
  return { codat: sb.codat.requests.length, blue: sb.blue.operations.length };
}

function callsSince(sb: Sandbox, before: { codat: number; blue: number }): string[] {
  return [
    ...sb.codat.requests.slice(before.codat).map((r) => `codat ${r.method} ${r.path.replace(/\?.*$/, '')}`),
    ...sb.blue.operations.slice(before.blue).map((o) => `blue ${o.name ?? '(anonymous)'}`),
  ];
}

export async function countHttpCalls(app: AppLike): Promise<CallCount[]> {
  const sb = await startSandbox(app);
  const out: CallCount[] = [];
  const { authData, runner } = sb;
  const dropdown = { isFillingDynamicDropdown: true, page: 0 };
  // The demo connection holds a project slug: operations that filter by project resolve it to
  // the workspace id first (one project(id:) query; none when the connection holds an id).
  const slug = looksLikeBlueId(DEMO.blue.projectId) ? 0 : 1;
  // The project dropdown filters by company only: a company slug is resolved likewise.
  const companySlug = looksLikeBlueId(DEMO.blue.companyId) ? 0 : 1;

  /** Runs `op` and records the calls both servers saw; `filter` keeps one service's calls. */
  const count = async (operation: string, expected: number, op: () => Promise<unknown>, filter?: 'codat' | 'blue') => {
    const before = snapshot(sb);
    let error: string | undefined;
    let result: unknown;
    try {
      result = await op();
    } catch (err) {
      error = err instanceof Error ? `${err.name}: ${err.message.slice(0, 160)}` : String(err);
    }
    const calls = callsSince(sb, before).filter((c) => !filter || c.startsWith(`${filter} `));
    out.push({ operation, expected, actual: calls.length, calls, ...(error ? { error } : {}) });
    return result;
  };

  try {
    const test = runner.authFn('test');
    // The demo connection holds the Codat API Key too: one webhooks call and one Platform call.
    await count(
      'auth test (Codat: webhooks + API key)',
      2,
      () => runner.run(test, { authData, meta: { isTestingAuth: true } }),
      'codat',
    );
    // Same run, Blue's share: rerun rather than split one run so each row is its own measurement.
    await count('auth test (Blue)', 1, () => runner.run(test, { authData, meta: { isTestingAuth: true } }), 'blue');

    for (const service of ['codat', 'blue'] as const) {
      const { triggerKey, eventType } = HOOKS[service];
      const inputData = service === 'codat' ? { eventTypes: [eventType] } : {};
      const targetUrl = `https://hooks.zapier.com/hooks/standard/0/bench-${service}/`;
      const byProject = service === 'blue' ? slug : 0;
      const subscribeData = (await count(`${triggerKey} performSubscribe`, 1 + byProject, () =>
        runner.run(runner.fn('triggers', triggerKey, 'performSubscribe'), {
          authData,
          inputData,
          targetUrl,
          meta: { zap: { id: 'bench' } },
        }),
      )) as Record<string, unknown> | undefined;
      const delivery = signedDelivery(service, 1024);
      // The delivery must be signed with the secret this subscription holds.
      const secret = typeof subscribeData?.secret === 'string' ? subscribeData.secret : undefined;
      const bundle = secret ? resign(service, delivery.bundle, subscribeData!, secret) : delivery.bundle;
      await count(`${triggerKey} perform (1 KB delivery)`, 0, async () => {
        const items = await runner.run<unknown[]>(runner.fn('triggers', triggerKey, 'perform'), bundle);
        if (!Array.isArray(items) || items.length !== 1)
          throw new Error(`perform returned ${JSON.stringify(items)?.slice(0, 120)}`);
      });
      await count(`${triggerKey} performList`, 1 + byProject, () =>
        runner.run(runner.fn('triggers', triggerKey, 'performList'), {
          authData,
          inputData,
          meta: { isLoadingSample: true },
        }),
      );
      await count(`${triggerKey} performUnsubscribe`, 1, () =>
        runner.run(runner.fn('triggers', triggerKey, 'performUnsubscribe'), {
          authData,
          inputData,
          targetUrl,
          subscribeData: subscribeData ?? {},
        }),
      );
    }

    await count('create_todo perform (title only)', 1, () =>
      runner.run(runner.fn('creates', 'create_todo', 'perform'), {
        authData,
        inputData: { todoListId: DEMO.ids.listNew, title: 'Bench todo' },
      }),
    );
    const fields = (await count('create_todo custom field inputs', 1 + slug, () =>
      runner.inputFields('creates', 'create_todo', { authData, inputData: {} }),
    )) as Record<string, unknown>[] | undefined;
    const stageKey = fields?.find((f) => typeof f.key === 'string' && f.key.includes(DEMO.ids.fieldStage))?.key;
    await count('create_todo perform (custom field, tag, assignee)', 1, () =>
      runner.run(runner.fn('creates', 'create_todo', 'perform'), {
        authData,
        inputData: {
          todoListId: DEMO.ids.listNew,
          title: 'Bench todo',
          tagIds: [DEMO.ids.tagCodat],
          assigneeIds: [DEMO.ids.user],
          ...(typeof stageKey === 'string' ? { [stageKey]: DEMO.ids.fieldStageNew } : {}),
        },
      }),
    );

    // The record actions on a created record: one request each, but a new tag by title and a
    // checklist item (one read first; a missing checklist is created by a second write).
    const record = await runner.run<{ id?: string }>(runner.fn('creates', 'create_todo', 'perform'), {
      authData,
      inputData: { todoListId: DEMO.ids.listNew, title: 'Bench record' },
    });
    const act = (key: string, input: Record<string, unknown>) => () =>
      runner.run(runner.fn('creates', key, 'perform'), { authData, inputData: { recordId: record.id, ...input } });
    await count(
      'update_record perform (title, custom field, assignees)',
      1,
      act('update_record', {
        title: 'Bench record (updated)',
        assigneeIds: [DEMO.ids.user],
        ...(typeof stageKey === 'string' ? { [stageKey]: DEMO.ids.fieldStageKyc } : {}),
      }),
    );
    await count('move_record perform', 1, act('move_record', { todoListId: DEMO.ids.listDone }));
    await count('complete_record perform', 1, act('complete_record', { done: 'done' }));
    await count('add_comment perform', 1, act('add_comment', { text: 'Bench comment' }));
    await count('add_tag perform (existing tag)', 1, act('add_tag', { tagId: DEMO.ids.tagCodat }));
    await count('add_tag perform (new tag by title)', 2, act('add_tag', { tagTitle: 'Bench' }));
    await count('remove_tag perform', 1, act('remove_tag', { tagId: DEMO.ids.tagCodat }));
    await count('add_assignee perform', 1, act('add_assignee', { assigneeIds: [DEMO.ids.user2] }));
    await count('remove_assignee perform', 1, act('remove_assignee', { assigneeIds: [DEMO.ids.user2] }));
    await count(
      'add_checklist_item perform (new checklist)',
      3,
      act('add_checklist_item', { checklistTitle: 'Bench', itemTitle: 'One' }),
    );
    await count(
      'add_checklist_item perform (existing checklist)',
      2,
      act('add_checklist_item', { checklistTitle: 'Bench', itemTitle: 'Two' }),
    );

    const company = (await count('codat_create_company perform', 1, () =>
      runner.run(runner.fn('creates', 'codat_create_company', 'perform'), {
        authData,
        inputData: { name: 'Bench Company' },
      }),
    )) as { id?: string } | undefined;
    await count('codat_find_company perform (by name)', 1, () =>
      runner.run(runner.fn('searches', 'codat_find_company', 'perform'), {
        authData,
        inputData: { name: 'Bench Company' },
      }),
    );
    await count('codat_refresh_company_data perform (all)', 1, () =>
      runner.run(runner.fn('creates', 'codat_refresh_company_data', 'perform'), {
        authData,
        inputData: { companyId: company?.id },
      }),
    );

    for (const key of [
      'blue_project_list',
      'blue_todo_list_list',
      'blue_user_list',
      'blue_tag_list',
      'blue_record_list',
      'blue_custom_field_list',
      'codat_company_list',
    ]) {
      if (!runner.has('triggers', key)) continue;
      await count(
        `dropdown ${key} (page 1)`,
        key === 'codat_company_list' ? 1 : key === 'blue_project_list' ? 1 + companySlug : 1 + slug,
        () => runner.run(runner.fn('triggers', key, 'perform'), { authData, inputData: {}, meta: dropdown }),
      );
    }
  } finally {
    await sb.stop();
  }
  return out;
}

/** A delivery re-signed with the subscription's own secret (the bench's payloads use a fresh one). */
function resign(
  service: 'codat' | 'blue',
  bundle: Record<string, unknown>,
  subscribeData: Record<string, unknown>,
  secret: string,
): Record<string, unknown> {
  const fresh = signedDelivery(service, 1024, secret).bundle;
  return { ...fresh, subscribeData: { ...(bundle.subscribeData as object), ...subscribeData } };
}
