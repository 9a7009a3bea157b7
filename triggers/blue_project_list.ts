import type { Bundle, ZObject } from 'zapier-platform-core';
import { defineTrigger } from 'zapier-platform-core';
import { dropdownPage } from '../blue/dropdowns.js';
import { projectPage } from '../blue/projects.js';

// Hidden: feeds the Project dropdown of the Blue triggers, one Zapier page per API page.
const perform = async (z: ZObject, bundle: Bundle) => (await projectPage(z, bundle, dropdownPage(bundle))).items;

export default defineTrigger({
  key: 'blue_project_list',
  noun: 'Project',
  display: {
    label: 'List Blue Projects',
    description: 'Triggers when a project is added to the Blue company (lists projects for dropdowns).',
    hidden: true,
  },
  operation: {
    type: 'polling',
    perform,
    canPaginate: true,
    // The shape of one dropdown item. No output fields: a hidden trigger needs none, and core
    // copies and freezes every node of the definition on each invocation of any step.
    sample: { id: 'clx0example0project0000001', name: 'Sales Pipeline', slug: 'sales-pipeline' },
  },
});
