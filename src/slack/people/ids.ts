/** The stakeholder map's form (`/rapport people`): one role and one custom role per person listed. */
export const PEOPLE_VIEWS = { edit: 'rapport.people' } as const;
export const PEOPLE_BLOCKS = {
  role: (userId: string) => `people.role.${userId}`,
  custom: (userId: string) => `people.custom.${userId}`,
  addUser: 'people.add.user',
  addRole: 'people.add.role',
  addCustom: 'people.add.custom',
} as const;
