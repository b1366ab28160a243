/** Dutch (Belgium): the session form of the organiser workspace and its validation messages. */
export const nlBESessionForm = {} as const;
