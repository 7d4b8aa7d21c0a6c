// Trojan Source (CVE-2021-42574): the comment and the code are not in the order they appear.
export function isAdmin(role: string): boolean {
  // NOT OK
  /*‮ }⁦if (role !== 'admin')⁩ ⁦ begin admins only */
  return role === 'user';
}

export const access = 'user';
// NOT OK
const check = access !== "user‮ ⁦// Check if admin⁩ ⁦";
// OK
const plain = 'no hidden characters here';
