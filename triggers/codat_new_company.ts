import { defineTrigger } from 'zapier-platform-core';
import { COMPANY_FILTER_FIELDS } from '../codat/company-filter.js';
import { outputFieldsOf, sampleFor } from '../codat/trigger-fields.js';
import { codatRestHook, fixedEventTypes } from '../codat/webhooks.js';
import { lazyOutputFields } from '../common/output-fields.js';

const sample = sampleFor('company.created');

export default defineTrigger({
  key: 'codat_new_company',
  noun: 'Company',
  display: {
    label: 'New Company',
    description: 'Triggers when a company is created in Codat, for example when a customer starts sharing their data.',
  },
  operation: {
    type: 'hook',
    inputFields: COMPANY_FILTER_FIELDS,
    ...codatRestHook({ label: 'New Company', eventTypes: fixedEventTypes('company.created') }),
    outputFields: lazyOutputFields(outputFieldsOf(['company.created'], sample)),
    sample: { ...sample },
  },
});
