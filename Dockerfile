# The Ledger host, built from source. Configuration comes from environment variables (see docker-compose.yml).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
COPY seeds/working-calendar-cn.json seeds/
RUN dotnet publish src/Ledger.Web/Ledger.Web.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
# The image's unprivileged user owns only the data and evidence folders; the app never runs as root.
RUN mkdir -p /data /evidence && chown "$APP_UID" /data /evidence
USER $APP_UID
ENV ASPNETCORE_URLS=http://+:8080 \
    Ledger__DataDirectory=/data
VOLUME ["/data", "/evidence"]
EXPOSE 8080
ENTRYPOINT ["dotnet", "Ledger.Web.dll"]
