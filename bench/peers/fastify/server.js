'use strict'
// The fastify peer of bench/run: what a team would write on Node instead of the service's
// own token check. One process; bench/run passes the service's secret, issuer and a port.
const fastify = require('fastify')({ logger: false })

fastify.register(require('@fastify/jwt'), {
  // The service's HS256 key is the UTF-8 bytes of JWT_SECRET.
  secret: process.env.JWT_SECRET,
  verify: {
    algorithms: ['HS256'],
    allowedIss: process.env.JWT_ISSUER || 'jwt-auth-service',
    // The service types its access tokens (RFC 9068): an ID token signed alike is refused.
    checkTyp: 'at+jwt'
  }
})

fastify.get('/ping', async () => ({ status: 'ok' }))

// Every refusal is a 401: @fastify/jwt would answer a wrong typ with a 500.
fastify.get('/protected', {
  onRequest: async (request, reply) => {
    try {
      await request.jwtVerify()
    } catch (err) {
      return reply.code(401).header('WWW-Authenticate', 'Bearer error="invalid_token"').send({ error: 'invalid_token' })
    }
  }
}, async (request) => ({ id: request.user.sub }))

fastify.listen({ host: '127.0.0.1', port: Number(process.env.PORT) }).catch((err) => {
  console.error(err)
  process.exit(1)
})
