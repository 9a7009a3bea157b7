import type { Bundle, ZObject } from 'zapier-platform-core';
import { defineTrigger } from 'zapier-platform-core';
import { customFieldPage } from '../blue/custom-fields.js';
import { dropdownPage } from '../blue/dropdowns.js';
import { blueProjectId } from '../blue/project-ref.js';
import { resolveProjectId } from '../blue/webhooks.js';

// Hidden: feeds the Custom Field dropdown, for the project picked in the Zap (or the connection's).
const perform = async (z: ZObject, bundle: Bundle) => {
  const projectId = await blueProjectId(z, bundle, resolveProjectId(z, bundle));
  const { items } = await customFieldPage(z, bundle, projectId, dropdownPage(bundle));
  return items.map((field) => ({ id: field.id, name: field.name, type: field.type }));
};

export default defineTrigger({
  key: 'blue_custom_field_list',
  noun: 'Custom Field',
  display: {
    label: 'List Blue Custom Fields',
    description: 'Triggers when a custom field is added to the Blue project (lists custom fields for dropdowns).',
    hidden: true,
  },
  operation: {
    type: 'polling',
    perform,
    canPaginate: true,
    // The shape of one dropdown item. No output fields: a hidden trigger needs none, and core
    // copies and freezes every node of the definition on each invocation of any step.
    sample: { id: 'clx0example0field000000001', name: 'Order Status', type: 'SELECT_SINGLE' },
  },
});
