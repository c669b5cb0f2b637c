// Small settings helpers shared by the bot and the deploy script.

/** `https://discord.com/api/v10/` → `https://discord.com/api` (discord.js adds the version itself). */
export const normaliseApiUrl = (url: string): string =>
  url
    .trim()
    .replace(/\/+$/, '')
    .replace(/\/v\d+$/, '');
