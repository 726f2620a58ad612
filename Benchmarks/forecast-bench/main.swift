import Forecast
print(BLASInfo.current)
