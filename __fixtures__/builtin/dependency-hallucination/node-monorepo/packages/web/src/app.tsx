// ok: declared by this package
import React from 'react';
// ok: declared by the root package.json, which encloses this package
import express from 'express';
// ruleid: undeclared-import
import dayjs from 'dayjs';
// ok: a type-only import satisfied by the declared @types/react
import type { FC } from 'react';

export const App: FC = () => <p>{dayjs().format()}{String(express)}{React.version}</p>;
