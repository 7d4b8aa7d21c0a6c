import express from 'express';
import lusca from 'lusca';
import csurf from 'csurf';
import { ApolloServer } from '@apollo/server';

const app = express();

app.use(lusca({
  // ruleid: javascript-csrf-protection-disabled
  csrf: false,
  xframe: 'SAMEORIGIN',
}));

const server = new ApolloServer({
  typeDefs,
  resolvers,
  // ruleid: javascript-csrf-protection-disabled
  csrfPrevention: false,
});

// ruleid: javascript-csrf-protection-disabled
app.use(csurf({ cookie: true, ignoreMethods: ['GET', 'HEAD', 'OPTIONS', 'POST'] }));

export const security = {
  // ruleid: javascript-csrf-protection-disabled
  csrf: false,
};

app.use(lusca({
  // ok: javascript-csrf-protection-disabled
  csrf: true,
  xframe: 'SAMEORIGIN',
}));

const server2 = new ApolloServer({
  typeDefs,
  resolvers,
  // ok: javascript-csrf-protection-disabled
  csrfPrevention: true,
});

// ok: javascript-csrf-protection-disabled
app.use(csurf({ cookie: { httpOnly: true, secure: true }, ignoreMethods: ['GET', 'HEAD', 'OPTIONS'] }));
