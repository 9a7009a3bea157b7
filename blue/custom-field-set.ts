// Update Record's custom fields: the same inputs as Create's (customFieldInputFields, one per field,
// its type and id in the key) and the same checks (customFieldValues), sent the way an existing
// record takes them. createTodo takes every value as a string; setTodoCustomField takes a typed
// input per field (SetTodoCustomFieldInput: text, number + currency, checked, start/end dates,
// option ids, country codes, latitude/longitude), as Blue's custom field docs set each type.
import type { ZObject } from 'zapier-platform-core';
import { customFieldValues, parseCustomFieldKey, type SettableType } from './custom-field-values.js';

/** SetTodoCustomFieldInput without its todoId: one custom field's new value, in its typed member. */
export interface SetCustomFieldValue {
  customFieldId: string;
  text?: string;
  number?: number;
  currency?: string;
  checked?: boolean;
  startDate?: string;
  endDate?: string;
  customFieldOptionId?: string;
  customFieldOptionIds?: string[];
  countryCodes?: string[];
  latitude?: number;
  longitude?: number;
}

/** One value string (as customFieldValues made and checked it) in the member its type uses. */
function typed(type: SettableType, customFieldId: string, value: string): SetCustomFieldValue {
  switch (type) {
    case 'NUMBER':
    case 'PERCENT':
    case 'RATING':
      return { customFieldId, number: Number(value) };
    case 'CURRENCY': {
      const [amount = '', currency] = value.split(' ');
      return { customFieldId, number: Number(amount), ...(currency ? { currency } : {}) };
    }
    case 'CHECKBOX':
      return { customFieldId, checked: value === 'true' };
    case 'DATE': {
      // A date field holds a start and an end; a single date is a range of that one day.
      const [startDate = '', endDate = startDate] = value.split(',');
      return { customFieldId, startDate, endDate };
    }
    case 'SELECT_SINGLE':
      return { customFieldId, customFieldOptionId: value };
    case 'SELECT_MULTI':
      return { customFieldId, customFieldOptionIds: value.split(',').filter(Boolean) };
    case 'COUNTRY':
      // An ISO alpha-2 code is stored as a validated code; a name as the field's text.
      return /^[A-Z]{2}$/.test(value) ? { customFieldId, countryCodes: [value] } : { customFieldId, text: value };
    case 'LOCATION': {
      const [latitude, longitude] = value.split(',').map(Number);
      return { customFieldId, latitude: latitude ?? 0, longitude: longitude ?? 0 };
    }
    default:
      // TEXT_SINGLE, TEXT_MULTI, EMAIL, URL, PHONE.
      return { customFieldId, text: value };
  }
}

/**
 * setTodoCustomField inputs (without todoId) for the custom fields the user filled in, in input
 * order; empty inputs change nothing. Bad values throw the same z.errors.Error as Create's.
 */
export function setCustomFieldValues(z: ZObject, inputData: Readonly<Record<string, unknown>>): SetCustomFieldValue[] {
  const types = new Map<string, SettableType>();
  for (const key of Object.keys(inputData)) {
    const parsed = parseCustomFieldKey(key);
    if (parsed) types.set(parsed.id, parsed.type);
  }
  return customFieldValues(z, inputData).flatMap(({ customFieldId, value }) => {
    const type = types.get(customFieldId);
    return type ? [typed(type, customFieldId, value)] : [];
  });
}
