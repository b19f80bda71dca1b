/** A tree of UI strings. Plural forms use i18next's suffixes (_zero, _one, _two, _few, _many, _other). */
export type UiDict = { [key: string]: string | UiDict };
