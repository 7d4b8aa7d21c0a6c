# NOT OK
FROM eclipse-temurin:21-jre
