/** The action_id of the single element inside every input block Rapport builds. */
export const INPUT = 'input';
