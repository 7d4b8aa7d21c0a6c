export const config = {
  owner: 'example',
  token: process.env.GITHUB_TOKEN,
};
