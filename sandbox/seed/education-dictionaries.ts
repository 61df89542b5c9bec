import type { CustomFieldOption } from '../../greenhouse/schemas';
import { nextId, type TenantState } from '../state/types';

// Greenhouse keeps schools, degrees and disciplines as the options of three candidate custom fields with
// internal types (v1 served them as /schools, /degrees, /disciplines). A real account has thousands of
// schools; a few dozen of each are enough for the demo and tests. Degree names are Greenhouse's defaults.
const dictionaries = {
  school_name: {
    name: 'School Name',
    options: [
      'Massachusetts Institute of Technology',
      'Stanford University',
      'University of California, Berkeley',
      'Carnegie Mellon University',
      'Georgia Institute of Technology',
      'University of Michigan',
      'University of Texas at Austin',
      'University of Washington',
      'University of Waterloo',
      'University of Toronto',
      'University of Cambridge',
      'University of Oxford',
      'Imperial College London',
      'ETH Zürich',
      'Technische Universität München',
      'Universidade de Lisboa',
      'Universidad Politécnica de Madrid',
      'Politecnico di Milano',
      'Delft University of Technology',
      'KTH Royal Institute of Technology',
      'Indian Institute of Technology Bombay',
      'National University of Singapore',
      'University of Melbourne',
    ],
  },
  degree: {
    name: 'Degree',
    options: [
      'High School',
      "Associate's Degree",
      "Bachelor's Degree",
      "Master's Degree",
      'Master of Business Administration (M.B.A.)',
      'Juris Doctor (J.D.)',
      'Doctor of Medicine (M.D.)',
      'Doctor of Philosophy (Ph.D.)',
      "Engineer's Degree",
      'Other',
    ],
  },
  discipline: {
    name: 'Discipline',
    options: [
      'Computer Science',
      'Computer Engineering',
      'Electrical Engineering',
      'Mechanical Engineering',
      'Mathematics',
      'Statistics',
      'Physics',
      'Economics',
      'Business Administration',
      'Finance',
      'Marketing',
      'Psychology',
      'Graphic Design',
      'Human-Computer Interaction',
      'Information Systems',
      'Linguistics',
      'Law',
      'Medicine',
    ],
  },
} as const;

/** Adds the school, degree and discipline fields and their options, unless the tenant has them. */
export function seedEducationDictionaries(state: TenantState, at: string): void {
  for (const [name_key, dictionary] of Object.entries(dictionaries)) {
    if (state.custom_fields.some((field) => field.name_key === name_key)) continue;
    const fieldId = nextId(state, 'custom_fields');
    state.custom_fields.push({
      id: fieldId,
      created_at: at,
      updated_at: at,
      name: dictionary.name,
      name_key,
      field_type: 'candidate',
      value_type: 'single_select',
      sort_order: state.custom_fields.length,
      private: false,
      required: false,
      require_approval: false,
      trigger_new_version: false,
      active: true,
      updated_by_id: null,
      internal_type: name_key as 'school_name' | 'degree' | 'discipline',
      expose_in_job_board_api: false,
      placeholder: null,
      description: null,
      application_type: null,
      api_only: false,
      use_for_job_approvals: false,
      use_for_offer_approvals: false,
      template_token_string: null,
      default_value: null,
    });
    dictionary.options.forEach((optionName, index) => {
      const option: CustomFieldOption = {
        id: nextId(state, 'custom_field_options'),
        created_at: at,
        updated_at: at,
        custom_field_id: fieldId,
        name: optionName,
        active: true,
        sort_order: index,
        external_id: null,
      };
      state.custom_field_options.push(option);
    });
  }
}
