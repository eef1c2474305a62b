/** The engine's whole permission matrix (a PermissionMatrix), composed from the contexts' parts. */
export const PERMISSION_MATRIX = Symbol('PERMISSION_MATRIX');
