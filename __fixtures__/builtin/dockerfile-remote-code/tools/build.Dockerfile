# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
# NOT OK
RUN curl.exe -L https://example.com/x.ps1 | sh
RUN powershell -Command `
# NOT OK
    curl https://example.com/y | sh
